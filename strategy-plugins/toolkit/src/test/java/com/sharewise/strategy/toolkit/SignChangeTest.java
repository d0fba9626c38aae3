package com.sharewise.strategy.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignChangeTest {

  @Test
  void aChangeOfSignIsACrossingButTheFirstSideIsNot() {
    SignChange crossing = new SignChange();

    assertThat(crossing.update(-1)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(-0.5)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(0.25)).isEqualTo(SignChange.UP);
    assertThat(crossing.update(2)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(-3)).isEqualTo(SignChange.DOWN);
  }

  @Test
  void aTouchIsNoCrossingAndACrossingThroughATieIsReportedOnce() {
    SignChange crossing = new SignChange();
    crossing.update(-1);

    assertThat(crossing.update(0)).as("touch").isEqualTo(SignChange.NONE);
    assertThat(crossing.update(-1)).as("back below").isEqualTo(SignChange.NONE);
    assertThat(crossing.update(0)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(1)).as("through the tie").isEqualTo(SignChange.UP);
  }

  @Test
  void warmUpNansNeitherCrossNorForgetTheSide() {
    SignChange crossing = new SignChange();

    assertThat(crossing.update(Double.NaN)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(1)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(Double.NaN)).isEqualTo(SignChange.NONE);
    assertThat(crossing.update(-1)).isEqualTo(SignChange.DOWN);
  }
}

package com.sharewise.backtest.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.backtest.metrics.TradeStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class CappedKellyTest {

  @Test
  void kellyIsTheWinRateLessTheLossRateOverThePayoff() {
    // W = 0.6, R = 1.5: 0.6 - 0.4 / 1.5 = 0.3333..
    assertThat(CappedKelly.kellyFraction(0.6, 1.5)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(new CappedKelly(0.5).fraction(0.6, 1.5)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(new CappedKelly(0.25).fraction(0.6, 1.5)).isEqualTo(0.25);
  }

  @Test
  void aNegativeEdgeMeansNoPositionNotTheOtherSide() {
    // W = 0.3, R = 1: 0.3 - 0.7 = -0.4
    assertThat(CappedKelly.kellyFraction(0.3, 1)).isCloseTo(-0.4, within(1e-15));
    assertThat(new CappedKelly(0.25).fraction(0.3, 1)).isZero();
  }

  @Test
  void withoutWinsAndLossesThereIsNoEvidenceAndNoPosition() {
    CappedKelly kelly = new CappedKelly(0.25);

    assertThat(kelly.fraction(TradeStatistics.of(List.of()))).isZero();
    assertThat(kelly.fraction(0.8, Double.NaN)).isZero();
  }

  @Test
  void impossibleInputsAreRejected() {
    assertThatThrownBy(() -> CappedKelly.kellyFraction(1.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("win rate must lie in [0, 1], got 1.2");
    assertThatThrownBy(() -> new CappedKelly(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum fraction");
  }
}

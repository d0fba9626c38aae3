package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrawdownCurveTest {

  private static final long DAY = 86_400_000L;

  private static EquityCurve daily(double... equities) {
    EquityCurve.Builder builder = EquityCurve.builder(equities.length);
    for (int i = 0; i < equities.length; i++) {
      builder.append(i * DAY, equities[i]);
    }
    return builder.build();
  }

  @Test
  void theDeepestDrawdownRunsFromItsPeakToItsRecovery() {
    // peaks 100 120 120 120 125 125
    // drawdowns 0, 0, 1 - 90/120 = 0.25, 1 - 110/120 = 0.0833.., 0, 1 - 100/125 = 0.2
    // deepest 0.25 from the peak on day 1, recovered on day 4 (125 >= 120): 3 days
    DrawdownCurve drawdowns = DrawdownCurve.of(daily(100, 120, 90, 110, 125, 100));

    assertThat(drawdowns.toArray())
        .containsExactly(new double[] {0, 0, 0.25, 1 - 110.0 / 120, 0, 0.2}, within(1e-15));
    assertThat(drawdowns.maxDrawdown()).isCloseTo(0.25, within(1e-15));
    assertThat(drawdowns.peakIndex()).isEqualTo(1);
    assertThat(drawdowns.troughIndex()).isEqualTo(2);
    assertThat(drawdowns.recoveryIndex()).hasValue(4);
    assertThat(drawdowns.recovered()).isTrue();
    assertThat(drawdowns.maxDrawdownDuration()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void anUnrecoveredDrawdownLastsUntilTheEndOfTheCurve() {
    // 100 -> 80 is 20 % down; 90 is still below 100 on the last day (day 3).
    DrawdownCurve drawdowns = DrawdownCurve.of(daily(100, 80, 85, 90));

    assertThat(drawdowns.maxDrawdown()).isCloseTo(0.2, within(1e-15));
    assertThat(drawdowns.recoveryIndex()).isEmpty();
    assertThat(drawdowns.recovered()).isFalse();
    assertThat(drawdowns.maxDrawdownDuration()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void returningToTheSameHighStartsANewEpisode() {
    // 120 on day 1, recovered exactly on day 3; the 25 % fall to 90 on day 4 starts from day 3,
    // and 120 on day 5 recovers it: 2 days, not 4.
    DrawdownCurve drawdowns = DrawdownCurve.of(daily(100, 120, 110, 120, 90, 120));

    assertThat(drawdowns.maxDrawdown()).isCloseTo(0.25, within(1e-15));
    assertThat(drawdowns.peakIndex()).isEqualTo(3);
    assertThat(drawdowns.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void aCurveThatOnlyRisesHasNoDrawdown() {
    DrawdownCurve drawdowns = DrawdownCurve.of(daily(100, 101, 102));

    assertThat(drawdowns.maxDrawdown()).isZero();
    assertThat(drawdowns.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
    assertThat(drawdowns.recovered()).isTrue();
    assertThat(DrawdownCurve.of(daily(100)).maxDrawdown()).isZero();
  }

  @Test
  void anEmptyCurveHasNoDrawdowns() {
    assertThatThrownBy(() -> DrawdownCurve.of(EquityCurve.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }
}

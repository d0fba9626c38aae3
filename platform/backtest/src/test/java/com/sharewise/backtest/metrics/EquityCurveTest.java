package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

  private static final Instant T0 = Instant.parse("2025-01-06T03:45:00Z");

  @Test
  void theBuilderGrowsPastItsHintAndKeepsEveryPointInOrder() {
    EquityCurve.Builder builder = EquityCurve.builder(2);
    for (int i = 0; i < 1000; i++) {
      builder.append(T0.plusSeconds(60L * i), 100 + i, i % 4 == 0);
    }
    EquityCurve curve = builder.build();

    assertThat(curve.size()).isEqualTo(1000);
    assertThat(curve.time(999)).isEqualTo(T0.plusSeconds(60L * 999));
    assertThat(curve.equity(999)).isEqualTo(1099);
    assertThat(curve.pointsInMarket()).isEqualTo(250);
    assertThat(curve.point(4)).isEqualTo(new EquityPoint(T0.plusSeconds(240), 104, true));
  }

  @Test
  void aBuiltCurveDoesNotChangeWhenTheBuilderGoesOn() {
    EquityCurve.Builder builder = EquityCurve.builder().append(T0, 100, false);
    EquityCurve first = builder.build();
    builder.append(T0.plusSeconds(60), 101, true);

    assertThat(first.size()).isEqualTo(1);
    assertThat(builder.build().size()).isEqualTo(2);
  }

  @Test
  void returnsAreSimplePeriodicReturns() {
    // 100 -> 110 is +10 %; 110 -> 99 is 99/110 - 1 = -10 %.
    EquityCurve curve =
        EquityCurve.of(
            List.of(
                new EquityPoint(T0, 100, false),
                new EquityPoint(T0.plusSeconds(60), 110, true),
                new EquityPoint(T0.plusSeconds(120), 99, true)));

    assertThat(curve.returns()).containsExactly(new double[] {0.1, -0.1}, within(1e-15));
    assertThat(EquityCurve.builder().append(T0, 100, false).build().returns()).isEmpty();
  }

  @Test
  void timesMustIncreaseStrictly() {
    EquityCurve.Builder builder = EquityCurve.builder().append(T0, 100, false);

    assertThatThrownBy(() -> builder.append(T0, 101, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increase strictly")
        .hasMessageContaining(T0.toString());
  }

  @Test
  void equityMustBePositiveAndFinite() {
    EquityCurve.Builder builder = EquityCurve.builder();

    for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> builder.append(T0, bad, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("equity must be positive and finite, got " + bad);
    }
    assertThat(builder.size()).isZero();
  }

  @Test
  void alignmentErrorsNameTheSizesOrTheFirstDifferentTime() {
    EquityCurve curve =
        EquityCurve.builder().append(0, 100).append(60_000, 101).append(120_000, 102).build();
    EquityCurve shorter = EquityCurve.builder().append(0, 50).append(60_000, 51).build();
    EquityCurve shifted =
        EquityCurve.builder().append(0, 50).append(61_000, 51).append(120_000, 52).build();

    assertThatThrownBy(() -> curve.requireAlignedWith(shorter, "benchmark"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("benchmark has 2 points but the equity curve has 3");
    assertThatThrownBy(() -> curve.requireAlignedWith(shifted, "benchmark"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("point 1 is at 1970-01-01T00:01:01Z in the benchmark")
        .hasMessageContaining("but at 1970-01-01T00:01:00Z in the equity curve");
  }
}

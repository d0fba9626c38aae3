package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailRiskTest {

  /** The returns -0.010, -0.009, …, +0.089 (100 of them), shuffled. */
  private static double[] hundredReturns() {
    double[] returns = new double[100];
    for (int j = 0; j < 100; j++) {
      returns[j] = (j - 10) / 1000.0;
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = returns.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      double swap = returns[i];
      returns[i] = returns[k];
      returns[k] = swap;
    }
    return returns;
  }

  @Test
  void varIsMinusTheLowerQuantileAndCvarMinusTheMeanOfTheTail() {
    // m = 100, 95 %: k = ⌈0.05 × 100⌉ = 5 worst returns -0.010 -0.009 -0.008 -0.007 -0.006.
    // VaR = 0.006; CVaR = (0.010 + 0.009 + 0.008 + 0.007 + 0.006) / 5 = 0.008.
    // (Naively 1 - 0.95 is 0.05000000000000004, and ⌈5.000000000000004⌉ would be 6.)
    TailRisk risk = TailRisk.historical(hundredReturns(), 0.95);

    assertThat(risk.valueAtRisk()).isCloseTo(0.006, within(1e-15));
    assertThat(risk.expectedShortfall()).isCloseTo(0.008, within(1e-15));
  }

  @Test
  void at99PercentTheTailOfAHundredReturnsIsTheWorstOne() {
    // k = ⌈0.01 × 100⌉ = 1: both are the worst loss, 1 %.
    TailRisk risk = TailRisk.historical(hundredReturns(), 0.99);

    assertThat(risk.valueAtRisk()).isCloseTo(0.010, within(1e-15));
    assertThat(risk.expectedShortfall()).isCloseTo(0.010, within(1e-15));
  }

  @Test
  void theTailHasAtLeastOneReturn() {
    // m = 4: k = max(1, ⌈0.2⌉) = 1.
    TailRisk risk = TailRisk.historical(new double[] {0.02, -0.03, 0.01, -0.01}, 0.95);

    assertThat(risk.valueAtRisk()).isCloseTo(0.03, within(1e-15));
    assertThat(risk.expectedShortfall()).isCloseTo(0.03, within(1e-15));
  }

  @Test
  void whenEvenTheTailGainsVarIsNegative() {
    TailRisk risk = TailRisk.historical(new double[] {0.01, 0.02, 0.03}, 0.95);

    assertThat(risk.valueAtRisk()).isCloseTo(-0.01, within(1e-15));
  }

  @Test
  void theInputIsNotReordered() {
    double[] returns = {0.02, -0.03, 0.01};
    TailRisk.historical(returns, 0.95);

    assertThat(returns).containsExactly(0.02, -0.03, 0.01);
  }

  @Test
  void varAndCvarMatchANaiveComputationOnSeededReturns() {
    for (int m : new int[] {1000, 1001, 12_345}) {
      double[] returns = SeededReturns.of(m, m);
      double[] sorted = Arrays.stream(returns).sorted().toArray();
      // k in exact integer arithmetic: ⌈5m/100⌉ and ⌈m/100⌉.
      int k95 = (5 * m + 99) / 100;
      int k99 = (m + 99) / 100;

      TailRisk risk95 = TailRisk.historical(returns, 0.95);
      TailRisk risk99 = TailRisk.historical(returns, 0.99);

      assertThat(risk95.valueAtRisk()).isCloseTo(-sorted[k95 - 1], within(1e-12));
      assertThat(risk95.expectedShortfall())
          .isCloseTo(-Arrays.stream(sorted).limit(k95).average().orElseThrow(), within(1e-12));
      assertThat(risk99.valueAtRisk()).isCloseTo(-sorted[k99 - 1], within(1e-12));
      assertThat(risk99.expectedShortfall())
          .isCloseTo(-Arrays.stream(sorted).limit(k99).average().orElseThrow(), within(1e-12));
      assertThat(risk99.expectedShortfall()).isGreaterThanOrEqualTo(risk99.valueAtRisk());
      assertThat(risk99.valueAtRisk()).isGreaterThanOrEqualTo(risk95.valueAtRisk());
    }
  }

  @Test
  void noReturnsGiveNaN() {
    TailRisk risk = TailRisk.historical(new double[0], 0.99);

    assertThat(risk.valueAtRisk()).isNaN();
    assertThat(risk.expectedShortfall()).isNaN();
  }

  @Test
  void confidenceMustLieStrictlyBetweenZeroAndOne() {
    assertThatThrownBy(() -> TailRisk.historical(new double[] {0.01}, 95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 95.0");
  }

  @Test
  void theWorstReturnsAreTheStartOfTheWholeSeriesSorted() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {0, 1, 2, 17, 1_000, 100_003}) {
      double[] returns = SeededReturns.of(n, n);
      for (int i = 0; i < n; i += 7) {
        // ties, signed zeros and repeated values, as flat stretches of a curve give
        returns[i] = random.nextBoolean() ? 0.0 : -0.0;
        if (i + 3 < n) {
          returns[i + 3] = returns[random.nextInt(n)];
        }
      }
      double[] before = returns.clone();
      double[] sorted = returns.clone();
      Arrays.sort(sorted);

      for (int k : new int[] {1, 2, n / 100 + 1, n / 20 + 1, n / 2, n, n + 5}) {
        assertThat(TailRisk.worst(returns, k))
            .as("%d worst of %d", k, n)
            .containsExactly(Arrays.copyOf(sorted, Math.min(k, n)));
      }
      assertThat(returns).as("left unchanged").containsExactly(before);
    }
  }

  @Test
  void theWorstReturnsGiveTheLevelsOfTheWholeSeriesSorted() {
    double[] returns = SeededReturns.of(5, 250_000);
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    double[] worst = TailRisk.worst(returns, TailRisk.tailSize(returns.length, 0.95));

    for (double confidence : new double[] {0.95, 0.99, 0.999}) {
      assertThat(TailRisk.fromWorst(worst, returns.length, confidence))
          .isEqualTo(TailRisk.fromSorted(sorted, confidence));
    }
  }
}

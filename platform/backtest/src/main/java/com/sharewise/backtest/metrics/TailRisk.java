package com.sharewise.backtest.metrics;

import java.util.Arrays;

/**
 * Historical value at risk and expected shortfall of periodic returns at one confidence level.
 *
 * <p>With the {@code m} returns sorted ascending {@code r(1) ≤ … ≤ r(m)} and {@code α = 1 -
 * confidence}, the tail holds the {@code k = max(1, ⌈α·m⌉)} worst returns (the product is taken
 * with a 1e-9 tolerance, so that {@code 0.05 × 100} is 5 and not 6 through rounding). Then:
 *
 * <ul>
 *   <li>{@code valueAtRisk = -r(k)}: minus the empirical lower {@code α}-quantile, the smallest
 *       return {@code r} with at least {@code α·m} returns at or below it;
 *   <li>{@code expectedShortfall = -(r(1) + … + r(k)) / k}: minus the mean of the tail.
 * </ul>
 *
 * <p>Both are loss fractions per period, positive when the tail loses money ({@code 0.02} is a 2 %
 * loss in one period); negative when even the tail gains. Expected shortfall is never below value
 * at risk.
 *
 * @param confidence the confidence level, in (0, 1), e.g. 0.95
 * @param valueAtRisk historical VaR, loss fraction per period; {@code NaN} for no returns
 * @param expectedShortfall historical CVaR (expected shortfall), loss fraction per period; {@code
 *     NaN} for no returns
 */
public record TailRisk(double confidence, double valueAtRisk, double expectedShortfall) {

  public TailRisk {
    requireConfidence(confidence);
  }

  /** VaR and CVaR of {@code returns} at {@code confidence}; the array is not modified. */
  public static TailRisk historical(double[] returns, double confidence) {
    requireConfidence(confidence);
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    return fromSorted(sorted, confidence);
  }

  /** As {@link #historical}, for returns already sorted ascending: several levels, one sort. */
  static TailRisk fromSorted(double[] sortedAscending, double confidence) {
    return fromWorst(sortedAscending, sortedAscending.length, confidence);
  }

  /**
   * As {@link #historical}, from the worst of {@code m} returns sorted ascending: {@code worst}
   * holds at least the {@link #tailSize} the level needs (see {@link #worst}).
   */
  static TailRisk fromWorst(double[] worst, int m, double confidence) {
    if (m == 0) {
      return new TailRisk(confidence, Double.NaN, Double.NaN);
    }
    int k = tailSize(m, confidence);
    double tailSum = 0;
    for (int i = 0; i < k; i++) {
      tailSum += worst[i];
    }
    return new TailRisk(confidence, -worst[k - 1], -tailSum / k);
  }

  /**
   * The {@code k} smallest of {@code returns} sorted ascending: exactly the first {@code k} of the
   * whole array sorted, in the order {@link Arrays#sort(double[])} gives. A backtest's curve has a
   * return per bar, millions, of which VaR needs the worst few percent: selecting them and sorting
   * only those is many times faster than sorting them all. {@code returns} is not modified.
   */
  static double[] worst(double[] returns, int k) {
    double[] values = returns.clone();
    if (k < values.length) {
      Selection.smallestFirst(values, k);
    }
    double[] worst = Arrays.copyOf(values, Math.min(k, values.length));
    Arrays.sort(worst);
    return worst;
  }

  /** {@code k = max(1, ⌈(1 - confidence)·m⌉)}, tolerant of the rounding of {@code 1 - 0.95}. */
  static int tailSize(int m, double confidence) {
    double expected = (1 - confidence) * m;
    int k = (int) Math.ceil(expected - 1e-9 * Math.max(1, expected));
    return Math.min(m, Math.max(1, k));
  }

  private static void requireConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must lie strictly between 0 and 1, got " + confidence);
    }
  }
}

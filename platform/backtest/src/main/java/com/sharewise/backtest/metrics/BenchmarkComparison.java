package com.sharewise.backtest.metrics;

/**
 * A strategy's returns against a benchmark's over the same periods (CAPM).
 *
 * <p>With strategy returns {@code r}, benchmark returns {@code b}, their means {@code r̄, b̄} and
 * the per-period risk-free rate {@code rf_p}:
 *
 * <ul>
 *   <li>{@code beta = cov(r, b) / var(b)}, sample covariance and variance (the {@code m - 1}
 *       divisors cancel);
 *   <li>{@code alpha = ((r̄ - rf_p) - beta × (b̄ - rf_p)) × periodsPerYear}: Jensen's alpha per
 *       period, annualised linearly;
 *   <li>{@code correlation}: Pearson's correlation of {@code r} and {@code b}.
 * </ul>
 *
 * @param beta sensitivity to the benchmark, dimensionless; {@code NaN} for fewer than two returns
 *     or a benchmark whose returns do not vary
 * @param alpha annualised Jensen's alpha, a fraction per year ({@code 0.03} is 3 % a year above
 *     what beta explains); {@code NaN} when beta is
 * @param correlation Pearson correlation in [-1, 1]; {@code NaN} when either series does not vary
 */
public record BenchmarkComparison(double beta, double alpha, double correlation) {

  /** The comparison when there is no benchmark: every field {@code NaN}. */
  public static final BenchmarkComparison NONE =
      new BenchmarkComparison(Double.NaN, Double.NaN, Double.NaN);

  /**
   * Compares the returns of {@code strategy} with those of {@code benchmark}.
   *
   * @throws IllegalArgumentException naming both sizes, or the first misaligned time, if the curves
   *     are not aligned on the same timestamps
   */
  public static BenchmarkComparison of(
      EquityCurve strategy, EquityCurve benchmark, Annualisation annualisation) {
    strategy.requireAlignedWith(benchmark, "benchmark");
    return of(strategy.returns(), benchmark.returns(), annualisation);
  }

  /**
   * Compares period-aligned return series.
   *
   * @throws IllegalArgumentException naming both sizes if they differ
   */
  public static BenchmarkComparison of(
      double[] returns, double[] benchmarkReturns, Annualisation annualisation) {
    Correlations.requireSameLength(
        returns, "strategy returns", benchmarkReturns, "benchmark returns");
    int m = returns.length;
    if (m < 2) {
      return NONE;
    }
    double meanR = ReturnStatistics.mean(returns);
    double meanB = ReturnStatistics.mean(benchmarkReturns);
    double covariance = 0;
    double benchmarkVariance = 0;
    for (int i = 0; i < m; i++) {
      double db = benchmarkReturns[i] - meanB;
      covariance += (returns[i] - meanR) * db;
      benchmarkVariance += db * db;
    }
    if (benchmarkVariance == 0) {
      return NONE;
    }
    double beta = covariance / benchmarkVariance;
    double rf = annualisation.riskFreePerPeriod();
    double alphaPerPeriod = (meanR - rf) - beta * (meanB - rf);
    return new BenchmarkComparison(
        beta,
        alphaPerPeriod * annualisation.periodsPerYear(),
        Correlations.pearson(returns, benchmarkReturns));
  }
}

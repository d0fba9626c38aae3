package com.sharewise.backtest.metrics;

/**
 * Return and risk-adjusted return statistics of a series of simple periodic returns (see {@link
 * EquityCurve#returns()}).
 *
 * <p>Stateless; every method is a pure function of its arguments. {@code m} below is the number of
 * returns and {@code rf_p} the per-period risk-free rate ({@link
 * Annualisation#riskFreePerPeriod()}).
 */
public final class ReturnStatistics {

  private static final double MILLIS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

  private ReturnStatistics() {}

  /** The arithmetic mean {@code Σ r / m}; {@code NaN} for no returns. */
  public static double mean(double[] returns) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double r : returns) {
      sum += r;
    }
    return sum / returns.length;
  }

  /**
   * The sample standard deviation {@code sqrt(Σ (r - mean)² / (m - 1))}; {@code NaN} for fewer than
   * two returns.
   */
  public static double standardDeviation(double[] returns) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    // Two passes: summing squares about the mean avoids the cancellation of Σr² - m·mean².
    double mean = mean(returns);
    double squares = 0;
    for (double r : returns) {
      double d = r - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (returns.length - 1));
  }

  /**
   * Annualised volatility {@code standardDeviation × sqrt(periodsPerYear)}, a fraction; {@code NaN}
   * for fewer than two returns.
   */
  public static double annualisedVolatility(double[] returns, Annualisation annualisation) {
    return standardDeviation(returns) * Math.sqrt(annualisation.periodsPerYear());
  }

  /**
   * The annualised Sharpe ratio {@code (mean - rf_p) / standardDeviation × sqrt(periodsPerYear)}.
   *
   * <p>{@code NaN} for fewer than two returns, and when the standard deviation is exactly 0 (a
   * constant equity curve, or returns all equal): a ratio to no risk is undefined, and reporting
   * infinity would rank a flat strategy above every real one.
   */
  public static double sharpeRatio(double[] returns, Annualisation annualisation) {
    double deviation = standardDeviation(returns);
    if (!(deviation > 0)) {
      return Double.NaN;
    }
    double excess = mean(returns) - annualisation.riskFreePerPeriod();
    return excess / deviation * Math.sqrt(annualisation.periodsPerYear());
  }

  /**
   * The downside deviation below the target {@code rf_p}: {@code sqrt(Σ min(0, r - rf_p)² / m)},
   * dividing by all {@code m} returns, not only those below target (the lower partial moment of
   * order 2); {@code NaN} for no returns.
   */
  public static double downsideDeviation(double[] returns, Annualisation annualisation) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    double target = annualisation.riskFreePerPeriod();
    double squares = 0;
    for (double r : returns) {
      double shortfall = Math.min(0, r - target);
      squares += shortfall * shortfall;
    }
    return Math.sqrt(squares / returns.length);
  }

  /**
   * The annualised Sortino ratio {@code (mean - rf_p) / downsideDeviation × sqrt(periodsPerYear)}.
   *
   * <p>When no return is below {@code rf_p} the downside deviation is 0: the ratio is then {@link
   * Double#POSITIVE_INFINITY} if the mean excess return is positive, and {@code NaN} if it is 0
   * (every return equals {@code rf_p}). {@code NaN} for no returns.
   */
  public static double sortinoRatio(double[] returns, Annualisation annualisation) {
    double downside = downsideDeviation(returns, annualisation);
    if (Double.isNaN(downside)) {
      return Double.NaN;
    }
    double excess = mean(returns) - annualisation.riskFreePerPeriod();
    if (downside == 0) {
      return excess > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return excess / downside * Math.sqrt(annualisation.periodsPerYear());
  }

  /**
   * The compound annual growth rate over calendar time: {@code (end / start)^(1 / years) - 1} with
   * {@code years = elapsed milliseconds / (365.25 × 86,400,000)}. {@code NaN} when no time elapsed.
   *
   * @param startEquity equity at the start, positive
   * @param endEquity equity at the end, positive
   * @param elapsedMillis calendar time between them, not negative
   */
  public static double compoundAnnualGrowthRate(
      double startEquity, double endEquity, long elapsedMillis) {
    if (elapsedMillis < 0) {
      throw new IllegalArgumentException(
          "elapsed time must not be negative, got " + elapsedMillis + " ms");
    }
    if (elapsedMillis == 0) {
      return Double.NaN;
    }
    double years = elapsedMillis / MILLIS_PER_YEAR;
    return Math.pow(endEquity / startEquity, 1 / years) - 1;
  }
}

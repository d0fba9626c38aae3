package com.sharewise.backtest.metrics;

/**
 * How periodic returns scale to a year, and the risk-free rate they are measured against.
 *
 * <p>Volatility scales with {@code sqrt(periodsPerYear)}; the Sharpe and Sortino ratios too;
 * Jensen's alpha scales linearly. The annual risk-free rate becomes a per-period rate
 * geometrically: {@code rf_p = (1 + riskFreeRate)^(1 / periodsPerYear) - 1}, so that compounding it
 * over a year gives the annual rate back.
 *
 * @param periodsPerYear how many returns make a year: {@value #TRADING_DAYS_PER_YEAR} for daily
 *     bars, {@value #NSE_ONE_MINUTE_BARS_PER_YEAR} for NSE 1-minute bars; positive and finite
 * @param riskFreeRate annual risk-free rate as a fraction ({@code 0.065} is 6.5 %), above -1
 */
public record Annualisation(double periodsPerYear, double riskFreeRate) {

  /** Trading days in a year, for daily bars. */
  public static final double TRADING_DAYS_PER_YEAR = 252;

  /**
   * NSE 1-minute bars in a year: 375 minutes from 09:15 to 15:30 times {@value
   * #TRADING_DAYS_PER_YEAR} trading days.
   */
  public static final double NSE_ONE_MINUTE_BARS_PER_YEAR = 375 * 252;

  public Annualisation {
    if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
      throw new IllegalArgumentException(
          "periods per year must be positive and finite, got " + periodsPerYear);
    }
    if (!(riskFreeRate > -1) || Double.isInfinite(riskFreeRate)) {
      throw new IllegalArgumentException(
          "risk-free rate must be a finite fraction above -1, got " + riskFreeRate);
    }
  }

  /** {@code periodsPerYear} with a risk-free rate of 0. */
  public static Annualisation of(double periodsPerYear) {
    return new Annualisation(periodsPerYear, 0);
  }

  /** Daily returns, risk-free rate 0. */
  public static Annualisation daily() {
    return of(TRADING_DAYS_PER_YEAR);
  }

  /** NSE 1-minute returns, risk-free rate 0. */
  public static Annualisation nseOneMinute() {
    return of(NSE_ONE_MINUTE_BARS_PER_YEAR);
  }

  /** The same periods with another annual risk-free rate. */
  public Annualisation withRiskFreeRate(double annualRate) {
    return new Annualisation(periodsPerYear, annualRate);
  }

  /** The risk-free rate per period: {@code (1 + riskFreeRate)^(1 / periodsPerYear) - 1}. */
  public double riskFreePerPeriod() {
    // expm1/log1p keep precision for the tiny per-minute rates (about 2.5e-7 for 6.5 % a year).
    return Math.expm1(Math.log1p(riskFreeRate) / periodsPerYear);
  }
}

package com.sharewise.backtest.sizing;

/**
 * Sizes a position so that being stopped out loses a fixed fraction of equity, with the stop placed
 * a multiple of the average true range (ATR) away from the entry.
 *
 * <p>{@code stop distance = atrMultiple × atr} rupees per share; {@code quantity = lotSize × ⌊min(
 * riskFraction × equity / stop distance, maxNotionalFraction × equity / price) / lotSize⌋}. The
 * second term keeps a quiet market (small ATR) from sizing a position larger than the account can
 * carry.
 *
 * @param riskFraction share of equity lost if the stop is hit, in (0, 1] ({@code 0.01} risks 1 %)
 * @param atrMultiple stop distance in ATRs, positive (2 places the stop two ATRs away)
 * @param maxNotionalFraction the largest position value as a share of equity, positive; 1 means no
 *     leverage, 5 allows an intraday position five times equity
 */
public record AtrRiskSizing(double riskFraction, double atrMultiple, double maxNotionalFraction) {

  public AtrRiskSizing {
    Lots.requireFraction(riskFraction, "risk fraction");
    Lots.requirePositive(atrMultiple, "ATR multiple");
    Lots.requirePositive(maxNotionalFraction, "maximum notional fraction");
  }

  /** Risks {@code riskFraction} of equity with a stop {@code atrMultiple} ATRs away, unlevered. */
  public static AtrRiskSizing of(double riskFraction, double atrMultiple) {
    return new AtrRiskSizing(riskFraction, atrMultiple, 1);
  }

  /** The stop's distance from the entry, rupees per share. */
  public double stopDistance(double atr) {
    Lots.requirePositive(atr, "ATR");
    return atrMultiple * atr;
  }

  /**
   * Shares to buy or sell, a multiple of {@code lotSize}; 0 when the risk budget does not cover one
   * lot.
   *
   * @param equity current equity, rupees, not negative
   * @param atr the instrument's average true range, rupees per share, positive
   * @param price expected fill price, rupees per share, positive
   * @param lotSize the instrument's lot size in shares (1 for cash equities), at least 1
   */
  public long quantity(double equity, double atr, double price, long lotSize) {
    Lots.requireEquity(equity);
    Lots.requirePositive(price, "price");
    Lots.requireLotSize(lotSize);
    double byRisk = riskFraction * equity / stopDistance(atr);
    double byNotional = maxNotionalFraction * equity / price;
    return Lots.roundDown(Math.min(byRisk, byNotional), lotSize);
  }
}

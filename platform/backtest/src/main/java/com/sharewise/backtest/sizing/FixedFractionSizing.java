package com.sharewise.backtest.sizing;

/**
 * Puts a fixed fraction of equity into each position: {@code quantity = lotSize × ⌊fraction ×
 * equity / price / lotSize⌋}.
 *
 * @param fraction share of equity to commit per position, in (0, 1] ({@code 0.1} commits 10 %)
 */
public record FixedFractionSizing(double fraction) {

  public FixedFractionSizing {
    Lots.requireFraction(fraction, "fraction");
  }

  /**
   * Shares to buy or sell, a multiple of {@code lotSize}; 0 when equity does not cover one lot.
   *
   * @param equity current equity, rupees, not negative
   * @param price expected fill price, rupees per share, positive
   * @param lotSize the instrument's lot size in shares (1 for cash equities), at least 1
   */
  public long quantity(double equity, double price, long lotSize) {
    Lots.requireEquity(equity);
    Lots.requirePositive(price, "price");
    Lots.requireLotSize(lotSize);
    return Lots.roundDown(fraction * equity / price, lotSize);
  }
}

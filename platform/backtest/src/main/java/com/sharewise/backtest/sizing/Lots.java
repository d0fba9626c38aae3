package com.sharewise.backtest.sizing;

/** Rounding of share quantities to whole exchange lots, and the checks sizers share. */
final class Lots {

  private Lots() {}

  /**
   * {@code shares} rounded down to a multiple of {@code lotSize}; 0 for fewer than one lot.
   *
   * <p>A tolerance of 1e-9 lots absorbs binary rounding: {@code 0.29 × 1,00,000 / 100} is
   * 289.99999999999994 in doubles and must give the 290 shares it means.
   */
  static long roundDown(double shares, long lotSize) {
    if (!(shares > 0)) {
      return 0;
    }
    double lots = Math.floor(shares / lotSize + 1e-9);
    return (long) lots * lotSize;
  }

  static void requireLotSize(long lotSize) {
    if (lotSize < 1) {
      throw new IllegalArgumentException("lot size must be at least 1, got " + lotSize);
    }
  }

  static void requireEquity(double equity) {
    if (!(equity >= 0) || Double.isInfinite(equity)) {
      throw new IllegalArgumentException("equity must be finite and not negative, got " + equity);
    }
  }

  static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
  }

  static void requireFraction(double value, String name) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must lie in (0, 1], got " + value);
    }
  }
}

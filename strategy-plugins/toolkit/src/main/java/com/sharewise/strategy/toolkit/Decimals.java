package com.sharewise.strategy.toolkit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as signals show them: plain digits (no exponent) so signal rules can parse them. */
public final class Decimals {

  private Decimals() {}

  /** {@code value} rounded half-up to at most {@code scale} decimals, trailing zeros dropped. */
  public static String format(double value, int scale) {
    return BigDecimal.valueOf(value)
        .setScale(scale, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** {@code value} rounded half-up to exactly {@code scale} decimals, as prices are shown. */
  public static String fixed(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}

package com.sharewise.broker.paper.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The day's price band of an instrument: {@code percent} either side of the reference price, the
 * first quote the adapter saw for the instrument that day, with the limits rounded inwards to the
 * tick as exchanges publish them.
 *
 * @param reference the price the band is centred on
 * @param percent how far either side, in percent
 * @param lower the lowest price an order may carry
 * @param upper the highest price an order may carry
 */
record CircuitBand(BigDecimal reference, BigDecimal percent, BigDecimal lower, BigDecimal upper) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  static CircuitBand around(BigDecimal price, BigDecimal percent, BigDecimal tick) {
    // shown with the tick's decimals, as prices are: 1523.50, not 1523.5
    BigDecimal reference = price.setScale(Math.max(price.scale(), tick.scale()));
    BigDecimal width = reference.multiply(percent).divide(HUNDRED);
    BigDecimal lower =
        reference.subtract(width).divide(tick, 0, RoundingMode.CEILING).multiply(tick).max(tick);
    BigDecimal upper = reference.add(width).divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
    return new CircuitBand(reference, percent, lower, upper);
  }

  boolean contains(BigDecimal price) {
    return price.compareTo(lower) >= 0 && price.compareTo(upper) <= 0;
  }
}

package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Set;

/**
 * How far a trailing stop stays from the market: a fixed amount or a percentage of the last price.
 *
 * @param trail the distance in rupees, or null
 * @param percent the distance in percent of the last price, or null
 */
record TrailSpec(BigDecimal trail, BigDecimal percent) {

  static final Set<String> PARAMETERS = Set.of("trail", "trailPercent");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Reads and checks the parameters; the order must be an SL_M whose trigger is the first stop. */
  static TrailSpec parse(Terms terms) {
    Parameters p = new Parameters(terms, PARAMETERS);
    Parameters.requireType(terms, Set.of(OrderType.SL_M));
    if (p.oneOf("trail", "trailPercent")) {
      return new TrailSpec(p.amount("trail"), null);
    }
    BigDecimal percent = p.amount("trailPercent");
    if (percent.compareTo(HUNDRED) >= 0) {
      throw p.invalid("trailPercent", "must be below 100, got " + percent.toPlainString());
    }
    return new TrailSpec(null, percent);
  }

  /**
   * The trigger the market price {@code last} asks for, on the tick grid on the safe side (below
   * the exact value for a SELL stop, above for a BUY stop); not positive when the distance is
   * larger than the price.
   */
  BigDecimal triggerFor(OrderSide stopSide, double last, BigDecimal tick) {
    BigDecimal price = BigDecimal.valueOf(last);
    BigDecimal distance =
        trail != null ? trail : price.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64);
    return stopSide == OrderSide.SELL
        ? Prices.floor(price.subtract(distance), tick)
        : Prices.ceil(price.add(distance), tick);
  }
}

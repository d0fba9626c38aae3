package com.sharewise.orders.algo;

import com.sharewise.api.market.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices on an instrument's tick grid. */
final class Prices {

  private Prices() {}

  static BigDecimal floor(BigDecimal price, BigDecimal tick) {
    return price.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
  }

  static BigDecimal ceil(BigDecimal price, BigDecimal tick) {
    return price.divide(tick, 0, RoundingMode.CEILING).multiply(tick);
  }

  /** {@code price} itself when it is on the grid; else the parameter is refused. */
  static BigDecimal onGrid(Parameters p, String name, BigDecimal price, Instrument instrument) {
    if (!instrument.isOnTickGrid(price)) {
      throw p.invalid(
          name,
          price.toPlainString()
              + " is not a multiple of the tick size "
              + instrument.tickSize().toPlainString()
              + " of "
              + instrument.id());
    }
    return price;
  }
}

package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the exchange requires of an instrument's orders: prices on its tick grid, quantities in
 * whole lots. For an instrument the platform's master does not know, the NSE equity defaults (tick
 * 0.05, lot 1), so it can still be paper-traded.
 *
 * @param instrument which instrument
 * @param tickSize the price increment
 * @param lotSize the quantity multiple
 */
record Contract(InstrumentId instrument, BigDecimal tickSize, int lotSize) {

  static Contract of(InstrumentId instrument, Optional<Instrument> reference) {
    return reference
        .map(known -> new Contract(instrument, known.tickSize(), known.lotSize()))
        .orElseGet(() -> new Contract(instrument, Prices.DEFAULT_TICK, 1));
  }

  /** {@code quantity} rounded down to whole lots. */
  long wholeLots(long quantity) {
    return quantity / lotSize * lotSize;
  }
}

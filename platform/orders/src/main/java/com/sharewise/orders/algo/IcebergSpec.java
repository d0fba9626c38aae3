package com.sharewise.orders.algo;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.trading.OrderType;
import java.util.Set;

/**
 * How much of an iceberg shows at a time.
 *
 * @param legQuantity the quantity of each leg (the last one may be smaller), whole lots
 */
record IcebergSpec(long legQuantity) {

  static final Set<String> PARAMETERS = Set.of("legs", "legQuantity");

  /**
   * Reads {@code legs} (the quantity is split into that many legs of whole lots, rounded up, the
   * last one taking the rest) or {@code legQuantity} (whole lots, at most the order's quantity).
   */
  static IcebergSpec parse(Terms terms, Instrument instrument) {
    Parameters p = new Parameters(terms, PARAMETERS);
    Parameters.requireType(terms, Set.of(OrderType.MARKET, OrderType.LIMIT));
    long lot = instrument.lotSize();
    long lots = terms.quantity() / lot;
    if (p.oneOf("legs", "legQuantity")) {
      long legs = p.whole("legs", 0, 1, lots);
      return new IcebergSpec(Math.ceilDiv(lots, legs) * lot);
    }
    long leg = p.whole("legQuantity", 0, 1, terms.quantity());
    if (leg % lot != 0) {
      throw p.invalid(
          "legQuantity",
          "must be a multiple of the lot size " + lot + " of " + instrument.id() + ", got " + leg);
    }
    return new IcebergSpec(leg);
  }
}

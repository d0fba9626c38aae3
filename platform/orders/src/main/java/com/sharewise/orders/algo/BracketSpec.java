package com.sharewise.orders.algo;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A bracket's exits.
 *
 * @param target the target (LIMIT) price of the exit that takes the profit
 * @param stop the trigger price of the stop-loss (SL-M) exit
 */
record BracketSpec(BigDecimal target, BigDecimal stop) {

  static final Set<String> PARAMETERS = Set.of("target", "stop");

  /**
   * Reads and checks the parameters: prices on the tick grid, a BUY's target above and stop below
   * the entry's reference price (its limit, else its trigger, else the last price when there is a
   * quote), mirrored for a SELL.
   */
  static BracketSpec parse(Terms terms, Instrument instrument, Optional<Tick> quote) {
    Parameters p = new Parameters(terms, PARAMETERS);
    BigDecimal target = Prices.onGrid(p, "target", p.amount("target"), instrument);
    BigDecimal stop = Prices.onGrid(p, "stop", p.amount("stop"), instrument);
    boolean buy = terms.side() == OrderSide.BUY;
    BigDecimal reference =
        terms.limitPrice() != null
            ? terms.limitPrice()
            : terms.triggerPrice() != null
                ? terms.triggerPrice()
                : quote.map(t -> BigDecimal.valueOf(t.lastPrice())).orElse(null);
    String above = buy ? "above" : "below";
    String below = buy ? "below" : "above";
    if (reference != null) {
      String entry = " the entry price " + reference.toPlainString() + " of a " + terms.side();
      if (Integer.signum(target.compareTo(reference)) != (buy ? 1 : -1)) {
        throw p.invalid(
            "target", "must be " + above + entry + " bracket, got " + target.toPlainString());
      }
      if (Integer.signum(stop.compareTo(reference)) != (buy ? -1 : 1)) {
        throw p.invalid(
            "stop", "must be " + below + entry + " bracket, got " + stop.toPlainString());
      }
    } else if (Integer.signum(stop.compareTo(target)) != (buy ? -1 : 1)) {
      throw p.invalid(
          "stop",
          "must be "
              + below
              + " the target "
              + target.toPlainString()
              + " of a "
              + terms.side()
              + " bracket, got "
              + stop.toPlainString());
    }
    return new BracketSpec(target, stop);
  }
}

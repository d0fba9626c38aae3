package com.sharewise.backtest;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Segment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reference data for backtests: instruments nobody describes trade as NSE equities. */
final class Instruments {

  /** NSE's tick for most equities. */
  static final BigDecimal DEFAULT_TICK = new BigDecimal("0.05");

  private Instruments() {}

  /**
   * {@code lookup}, remembered per instrument for one run: reference data stays put while a
   * backtest runs, and the order path and the paper broker look an instrument up several times per
   * order. Confined to the run's thread, like everything in a run.
   */
  static Function<InstrumentId, Optional<Instrument>> remembered(
      Function<InstrumentId, Optional<Instrument>> lookup) {
    Map<InstrumentId, Optional<Instrument>> known = new HashMap<>();
    return id -> {
      Optional<Instrument> found = known.get(id);
      if (found == null) {
        found = lookup.apply(id);
        known.put(id, found);
      }
      return found;
    };
  }

  /** {@code known}, or an equity with tick 0.05 and lot 1 for an instrument it does not know. */
  static Function<InstrumentId, Optional<Instrument>> withDefaults(
      Function<InstrumentId, Optional<Instrument>> known) {
    return id ->
        known
            .apply(id)
            .or(
                () ->
                    Optional.of(
                        new Instrument(id, "", id.symbol(), Segment.EQUITY, DEFAULT_TICK, 1, "")));
  }
}

package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import java.time.Duration;
import java.util.Set;

/**
 * A TWAP or VWAP schedule.
 *
 * @param window how long the order is spread over, from its start
 * @param slices how many slices (at equal intervals)
 * @param days VWAP: how many past trading days the volume profile averages
 */
record SliceSpec(Duration window, int slices, int days) {

  static final Set<String> TWAP_PARAMETERS = Set.of("minutes", "slices");
  static final Set<String> VWAP_PARAMETERS = Set.of("minutes", "slices", "days");
  static final int DEFAULT_MINUTES = 30;
  static final int DEFAULT_SLICES = 10;
  static final int DEFAULT_DAYS = 10;

  /**
   * Reads {@code minutes} (1–1440, default 30), {@code slices} (1–500, default 10), VWAP {@code
   * days}.
   */
  static SliceSpec parse(Terms terms) {
    boolean vwap = terms.algorithm() == Algorithm.VWAP;
    Parameters p = new Parameters(terms, vwap ? VWAP_PARAMETERS : TWAP_PARAMETERS);
    Parameters.requireType(terms, Set.of(OrderType.MARKET, OrderType.LIMIT));
    long minutes = p.whole("minutes", DEFAULT_MINUTES, 1, 1440);
    int slices = (int) p.whole("slices", DEFAULT_SLICES, 1, 500);
    int days = vwap ? (int) p.whole("days", DEFAULT_DAYS, 1, 60) : 0;
    return new SliceSpec(Duration.ofMinutes(minutes), slices, days);
  }
}

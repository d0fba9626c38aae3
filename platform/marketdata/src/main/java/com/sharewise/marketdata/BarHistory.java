package com.sharewise.marketdata;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.List;

/**
 * Stored bars: closed live bars and imported history, from PostgreSQL, including closed bars still
 * waiting in the write queue. Thread-safe; every call reads the database.
 */
public interface BarHistory {

  /**
   * Bars opening in {@code [from, to)}, oldest first; when more than {@code limit} match, the
   * latest {@code limit} of them.
   */
  List<Bar> range(
      InstrumentId instrument, Timeframe timeframe, Instant from, Instant to, int limit);

  /** The latest {@code count} bars opening before {@code before}, oldest first. */
  List<Bar> last(InstrumentId instrument, Timeframe timeframe, int count, Instant before);
}

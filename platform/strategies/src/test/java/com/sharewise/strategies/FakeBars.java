package com.sharewise.strategies;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarEvents;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.BarListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Market data for tests: stored bars a test puts in the history, and live closes it sends to the
 * listeners on its own thread, as the dispatch thread would.
 */
final class FakeBars implements BarEvents, BarHistory {

  private final List<Bar> stored = new CopyOnWriteArrayList<>();
  private final List<BarListener> listeners = new CopyOnWriteArrayList<>();

  /** Adds bars to the history. */
  void store(List<Bar> bars) {
    stored.addAll(bars);
  }

  /** A bar closes live: it is stored and every listener hears of it. */
  void close(Bar bar) {
    stored.add(bar);
    listeners.forEach(l -> l.onBar(bar));
  }

  int listeners() {
    return listeners.size();
  }

  @Override
  public Subscription subscribe(BarListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public List<Bar> range(
      InstrumentId instrument, Timeframe timeframe, Instant from, Instant to, int limit) {
    return select(instrument, timeframe, from, to, limit);
  }

  @Override
  public List<Bar> last(InstrumentId instrument, Timeframe timeframe, int count, Instant before) {
    return select(instrument, timeframe, Instant.MIN, before, count);
  }

  private List<Bar> select(
      InstrumentId instrument, Timeframe timeframe, Instant from, Instant to, int limit) {
    List<Bar> matching = new ArrayList<>();
    for (Bar bar : stored) {
      if (bar.instrument().equals(instrument)
          && bar.timeframe() == timeframe
          && !bar.openTime().isBefore(from)
          && bar.openTime().isBefore(to)) {
        matching.add(bar);
      }
    }
    matching.sort(Comparator.comparing(Bar::openTime));
    return matching.subList(Math.max(0, matching.size() - limit), matching.size());
  }
}

package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previous session's close per instrument, for a quote's change: the close of the latest stored
 * daily bar before the quote's date. Looked up in the database once per instrument and day on a
 * background thread, never on the caller's thread; until the answer is in, the change is unknown.
 * Thread-safe.
 */
public final class PreviousCloses implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PreviousCloses.class);

  private record Entry(LocalDate date, OptionalDouble close) {}

  private final BarHistory history;
  private final ConcurrentHashMap<InstrumentId, Entry> cache = new ConcurrentHashMap<>();
  private final Set<InstrumentId> loading = ConcurrentHashMap.newKeySet();
  private final ExecutorService loader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "marketdata-previous-close");
            thread.setDaemon(true);
            return thread;
          });

  public PreviousCloses(BarHistory history) {
    this.history = history;
  }

  /** The previous close for {@code quote}'s session, if known already. */
  public OptionalDouble get(Tick quote) {
    InstrumentId id = quote.instrument();
    LocalDate date = Ist.date(quote.exchangeTime());
    Entry entry = cache.get(id);
    if (entry != null && entry.date().equals(date)) {
      return entry.close();
    }
    if (loading.add(id)) {
      try {
        loader.execute(() -> load(id, date));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        loading.remove(id); // shutting down
      }
    }
    return OptionalDouble.empty();
  }

  private void load(InstrumentId id, LocalDate date) {
    try {
      List<Bar> last = history.last(id, Timeframe.D1, 1, TradingCalendar.dailyOpen(date));
      cache.put(
          id,
          new Entry(
              date,
              last.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(last.get(0).close())));
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).addKeyValue("instrument", id).log("cannot load previous close");
    } finally {
      loading.remove(id);
    }
  }

  /** A daily bar closed: the next lookup for its instrument reloads. */
  public void onBar(Bar bar) {
    if (bar.timeframe() == Timeframe.D1) {
      cache.remove(bar.instrument());
    }
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}

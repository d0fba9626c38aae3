package com.sharewise.marketdata.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import java.util.List;

/**
 * Everything the tick path keeps for one instrument: the latest tick, counters, the forming bars.
 * Mutated only while holding the lane's monitor, so ticks of one instrument are ordered and
 * aggregated consistently even when a feed delivers from several threads; ticks of different
 * instruments never contend.
 */
public final class Lane {

  final InstrumentId instrument;
  final String key;
  final BarBuilder[] builders;

  /** Who listens to this instrument's quotes on this node (usually nobody). */
  final QuoteListeners.Subscribers subscribers;

  /** Index of the daily builder in {@link #builders}, or -1: its span is the session. */
  final int dailyIndex;

  /** Newest accepted tick; written under the monitor, read without it. */
  volatile Tick latest;

  /** Set when {@link #latest} changed since the last flush to the grid. */
  volatile boolean dirty;

  long accepted;
  long dropped;
  long outsideSession;
  long late;

  /** Cumulative day volume of the previous tick (-1 = unknown), and the session it belongs to. */
  long lastCumulativeVolume = -1;

  long volumeSessionOpen = BarBuilder.NONE;

  /** The timer's view: {@link #accepted} at its last run, and since when it has not changed. */
  long timerSeenAccepted = -1;

  long quietSinceMillis;

  Lane(
      InstrumentId instrument, List<Timeframe> timeframes, QuoteListeners.Subscribers subscribers) {
    this.instrument = instrument;
    this.subscribers = subscribers;
    this.key = instrument.toString();
    this.builders = new BarBuilder[timeframes.size()];
    int daily = -1;
    for (int i = 0; i < builders.length; i++) {
      builders[i] = new BarBuilder(timeframes.get(i));
      if (timeframes.get(i) == Timeframe.D1) {
        daily = i;
      }
    }
    this.dailyIndex = daily;
  }

  /** The instrument. */
  public InstrumentId instrument() {
    return instrument;
  }

  /** The instrument's name, e.g. {@code NSE:INFY}. */
  public String key() {
    return key;
  }

  /** The newest accepted tick, or null. */
  public Tick latest() {
    return latest;
  }

  /** Counters of this lane, read under its monitor. */
  public synchronized LaneCounters counters() {
    return new LaneCounters(accepted, dropped, outsideSession, late);
  }

  /**
   * One instrument's tick counters.
   *
   * @param accepted ticks taken into the quote book
   * @param dropped ticks older than the newest seen, dropped
   * @param outsideSession accepted ticks outside the session, which make no bars
   * @param late accepted ticks that belonged to a bar the timer had already closed
   */
  public record LaneCounters(long accepted, long dropped, long outsideSession, long late) {}
}

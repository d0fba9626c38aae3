package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.TickListener;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.TradingCalendar;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tick path: every tick of every feed goes through {@link #onTick}, which keeps the newest tick
 * per instrument (dropping and counting older ones), marks the instrument for the next flush to the
 * grid, updates the forming bars of every timeframe, handing closed bars to a {@link BarSink}, and
 * drops the tick into the conflating slot of each of the instrument's {@link QuoteListeners}
 * subscriptions (which their own threads deliver).
 *
 * <p>Cost per tick is constant and small: one map lookup, one uncontended monitor, a comparison and
 * a few arithmetic updates per timeframe; no I/O, no allocation unless a bar closes. A quote
 * subscriber adds an atomic set and, at most once per delivery it has not yet taken, a queued task,
 * however slow its listener. Everything that can block (the grid, the database, indicator maths,
 * WebSocket fan-out, quote listeners) happens on other threads, fed by {@link #pollDirty}, the
 * {@link BarSink} and the {@link QuoteListeners}.
 *
 * <p>Thread-safe: feeds may call {@link #onTick} from any threads; each instrument's state is
 * guarded by its {@link Lane}'s monitor.
 */
public final class TickPipeline implements TickListener {

  /** Receives closed bars; called under the instrument's lane monitor, so it must only enqueue. */
  @FunctionalInterface
  public interface BarSink {
    /**
     * @param bar the bar that closed
     * @param closedAtNanos {@link System#nanoTime()} when it closed, for latency figures
     */
    void closed(Bar bar, long closedAtNanos);
  }

  private final TradingCalendar calendar;
  private final List<Timeframe> timeframes;
  private final BarSink sink;
  private final long graceMillis;
  private final QuoteListeners listeners;
  private final ConcurrentHashMap<InstrumentId, Lane> lanes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Lane> dirty = new ConcurrentLinkedQueue<>();

  /**
   * @param timeframes the bars to build
   * @param graceMillis how long after a bar's end the timer waits for a straggling tick before
   *     closing it
   */
  public TickPipeline(
      TradingCalendar calendar, List<Timeframe> timeframes, BarSink sink, long graceMillis) {
    this(calendar, timeframes, sink, graceMillis, null);
  }

  /**
   * @param timeframes the bars to build
   * @param graceMillis how long after a bar's end the timer waits for a straggling tick before
   *     closing it
   * @param listeners the quote subscriptions to hand accepted ticks to, or null for none
   */
  public TickPipeline(
      TradingCalendar calendar,
      List<Timeframe> timeframes,
      BarSink sink,
      long graceMillis,
      QuoteListeners listeners) {
    this.calendar = calendar;
    this.timeframes = List.copyOf(timeframes);
    this.sink = sink;
    this.graceMillis = graceMillis;
    this.listeners = listeners;
  }

  @Override
  public void onTick(Tick tick) {
    InstrumentId id = tick.instrument();
    Lane lane = lanes.get(id);
    if (lane == null) {
      lane = lanes.computeIfAbsent(id, this::newLane);
    }
    boolean enqueue = false;
    synchronized (lane) {
      Tick last = lane.latest;
      if (last != null && tick.exchangeTime().isBefore(last.exchangeTime())) {
        lane.dropped++;
        return;
      }
      lane.latest = tick;
      lane.accepted++;
      aggregate(lane, tick);
      if (lane.subscribers != null) {
        // under the monitor: offers then happen in acceptance (exchange-time) order
        lane.subscribers.offer(tick);
      }
      if (!lane.dirty) {
        lane.dirty = true;
        enqueue = true;
      }
    }
    if (enqueue) {
      dirty.offer(lane);
    }
  }

  private Lane newLane(InstrumentId instrument) {
    return new Lane(
        instrument, timeframes, listeners == null ? null : listeners.forInstrument(instrument));
  }

  private void aggregate(Lane lane, Tick tick) {
    double price = tick.lastPrice();
    if (!(price > 0) || Double.isInfinite(price)) {
      return; // a quote without a trade price yet makes no bar
    }
    long time = tick.exchangeTime().toEpochMilli();
    BarBuilder[] builders = lane.builders;
    long sessionOpen;
    if (lane.dailyIndex >= 0
        && builders[lane.dailyIndex].forming()
        && builders[lane.dailyIndex].contains(time)) {
      sessionOpen = builders[lane.dailyIndex].openMillis;
    } else {
      long[] session = calendar.sessionMillis(time);
      if (session == null) {
        lane.outsideSession++;
        return;
      }
      sessionOpen = session[0];
    }
    long quantity = quantity(lane, tick, sessionOpen);
    boolean late = false;
    for (BarBuilder builder : builders) {
      if (builder.forming() && builder.contains(time)) {
        builder.update(price, quantity);
      } else if (time < builder.closedUpToMillis
          || (builder.forming() && time < builder.openMillis)) {
        late = true;
      } else {
        if (builder.forming()) {
          sink.closed(builder.finish(lane.instrument), System.nanoTime());
        }
        long[] span = calendar.barMillis(builder.timeframe, time);
        builder.start(span[0], span[1], price, quantity);
      }
    }
    if (late) {
      lane.late++;
    }
  }

  /**
   * The quantity this tick adds to the bars: the growth of the day's cumulative volume when the
   * feed sends one, else the last trade's quantity (also for the first tick of a session, whose
   * cumulative volume holds trades from before this node saw the instrument).
   */
  private static long quantity(Lane lane, Tick tick, long sessionOpen) {
    if (lane.volumeSessionOpen != sessionOpen) {
      lane.volumeSessionOpen = sessionOpen;
      lane.lastCumulativeVolume = -1;
    }
    long cumulative = tick.volume();
    long previous = lane.lastCumulativeVolume;
    long quantity =
        cumulative > 0 && previous >= 0 && cumulative >= previous
            ? cumulative - previous
            : Math.max(0, tick.lastQuantity());
    if (cumulative > 0) {
      lane.lastCumulativeVolume = cumulative;
    }
    return quantity;
  }

  /**
   * Closes every forming bar whose end plus the grace period has passed by {@code nowMillis}, for
   * instruments that have also received no tick for the grace period: a bar closes even when no
   * tick of the next interval comes (the last bar of the session, an illiquid instrument). Called
   * by a timer with the injected clock's time, every 100 ms.
   *
   * <p>The quiet condition changes nothing for live feeds (an instrument still ticking gets a tick
   * of the next interval, which closes the bar anyway) but lets a replay of history, whose ticks
   * carry past exchange times, build its bars from ticks rather than have the timer close each bar
   * after its first tick.
   *
   * @return how many bars closed
   */
  public int closeDue(long nowMillis) {
    int closed = 0;
    for (Lane lane : lanes.values()) {
      synchronized (lane) {
        if (lane.accepted != lane.timerSeenAccepted) {
          lane.timerSeenAccepted = lane.accepted;
          lane.quietSinceMillis = nowMillis;
          continue;
        }
        if (nowMillis - lane.quietSinceMillis < graceMillis) {
          continue;
        }
        for (BarBuilder builder : lane.builders) {
          if (builder.forming() && builder.closeMillis + graceMillis <= nowMillis) {
            sink.closed(builder.finish(lane.instrument), System.nanoTime());
            closed++;
          }
        }
      }
    }
    return closed;
  }

  /** The next instrument whose newest tick changed since it was last polled, or null. */
  public Lane pollDirty() {
    Lane lane = dirty.poll();
    if (lane != null) {
      // cleared before the flusher reads lane.latest: a tick arriving meanwhile re-marks the lane
      lane.dirty = false;
    }
    return lane;
  }

  /** Marks a lane for the next flush again (its last flush failed). */
  public void markDirty(Lane lane) {
    if (!lane.dirty) {
      lane.dirty = true;
      dirty.offer(lane);
    }
  }

  /** The lane of {@code instrument}, or null when no tick of it has arrived. */
  public Lane lane(InstrumentId instrument) {
    return lanes.get(instrument);
  }

  /** Every lane. */
  public Collection<Lane> lanes() {
    return lanes.values();
  }

  /** The timeframes built. */
  public List<Timeframe> timeframes() {
    return timeframes;
  }

  /** Totals over all instruments. */
  public Lane.LaneCounters totals() {
    long accepted = 0;
    long dropped = 0;
    long outside = 0;
    long late = 0;
    for (Lane lane : lanes.values()) {
      Lane.LaneCounters counters = lane.counters();
      accepted += counters.accepted();
      dropped += counters.dropped();
      outside += counters.outsideSession();
      late += counters.late();
    }
    return new Lane.LaneCounters(accepted, dropped, outside, late);
  }
}

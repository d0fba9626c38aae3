package com.sharewise.marketdata.feed;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.MarketDataFeed;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.TickListener;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays recorded market data back through the live path at a chosen speed: stored bars (each
 * becomes four ticks — open, then high and low in the order the bar's direction suggests, then
 * close — with the bar's volume split among them) or recorded ticks (see {@link TickCsv}).
 *
 * <p>Ticks keep their original exchange times, so the quote book and the bar aggregator treat them
 * as they treated the original market: replaying 1m bars rebuilds the same 1m bars and derives the
 * 3m…1d bars from them. Because ticks older than an instrument's newest quote are dropped, replay
 * instruments that no other feed (the simulator) delivers.
 *
 * <p>Pacing: the pause before each tick is its distance in market time from the previous one
 * divided by {@code speed}, but at most {@code maxPause}, so nights and weekends pass in a moment.
 * One daemon thread plays; it starts with the first subscription and stops after the last tick
 * (calling the {@linkplain #onFinished finished} hook) or on {@link #stop}.
 */
public final class ReplayFeed implements MarketDataFeed {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayFeed.class);

  private final String name;
  private final Function<InstrumentId, List<Tick>> source;
  private final double speed;
  private final Duration maxPause;
  private final PriorityQueue<Tick> queue =
      new PriorityQueue<>(Comparator.comparing(Tick::exchangeTime));
  private final Set<InstrumentId> subscribed = ConcurrentHashMap.newKeySet();
  private volatile TickListener listener;
  private volatile Runnable onFinished = () -> {};
  private volatile boolean stopped;
  private Thread player;
  private long played;

  private ReplayFeed(
      String name, Function<InstrumentId, List<Tick>> source, double speed, Duration maxPause) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("replay speed must be positive, got " + speed);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.source = source;
    this.speed = speed;
    this.maxPause = maxPause;
  }

  /**
   * A replay of the stored bars of {@code timeframe} opening in {@code [from, to)} of each
   * subscribed instrument.
   *
   * @param speed market time per wall time, e.g. 60 plays an hour in a minute
   */
  public static ReplayFeed ofBars(
      BarHistory history,
      Timeframe timeframe,
      Instant from,
      Instant to,
      double speed,
      Duration maxPause) {
    return new ReplayFeed(
        "replay",
        id -> ticksOf(history.range(id, timeframe, from, to, Integer.MAX_VALUE)),
        speed,
        maxPause);
  }

  /** A replay of recorded ticks (of any instruments; those subscribed are played). */
  public static ReplayFeed ofTicks(List<Tick> ticks, double speed, Duration maxPause) {
    Map<InstrumentId, List<Tick>> byInstrument = new HashMap<>();
    for (Tick tick : ticks) {
      byInstrument.computeIfAbsent(tick.instrument(), i -> new ArrayList<>()).add(tick);
    }
    return new ReplayFeed(
        "replay-ticks", id -> byInstrument.getOrDefault(id, List.of()), speed, maxPause);
  }

  /**
   * The ticks a bar replays as: open, then the extreme on the side the bar did not close on, then
   * the other extreme, then close, at 0, ¼, ½ and ¾ of the bar (a daily bar spans the session),
   * with cumulative volume restarting each IST day.
   */
  public static List<Tick> ticksOf(List<Bar> bars) {
    List<Tick> ticks = new ArrayList<>(bars.size() * 4);
    LocalDate day = null;
    long cumulative = 0;
    for (Bar bar : bars) {
      LocalDate date = Ist.date(bar.openTime());
      if (!date.equals(day)) {
        day = date;
        cumulative = 0;
      }
      Duration span =
          bar.timeframe() == Timeframe.D1 ? Duration.ofMinutes(375) : bar.timeframe().duration();
      boolean up = bar.close() >= bar.open();
      double[] prices = {
        bar.open(), up ? bar.low() : bar.high(), up ? bar.high() : bar.low(), bar.close()
      };
      long share = bar.volume() / 4;
      for (int i = 0; i < 4; i++) {
        long quantity = i < 3 ? share : bar.volume() - 3 * share;
        cumulative += quantity;
        ticks.add(
            new Tick(
                bar.instrument(),
                bar.openTime().plus(span.multipliedBy(i).dividedBy(4)),
                prices[i],
                quantity,
                cumulative,
                Double.NaN,
                Double.NaN,
                MarketDepth.EMPTY));
      }
    }
    return ticks;
  }

  /** Called on the replay thread after the last tick was played. */
  public void onFinished(Runnable hook) {
    this.onFinished = Objects.requireNonNull(hook, "hook");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start(TickListener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized void subscribe(Collection<InstrumentId> instruments) {
    for (InstrumentId id : instruments) {
      if (subscribed.add(id)) {
        queue.addAll(source.apply(id));
      }
    }
    if (player == null && listener != null && !stopped) {
      player = new Thread(this::play, "marketdata-" + name);
      player.setDaemon(true);
      player.start();
      LOG.atInfo()
          .addKeyValue("feed", name)
          .addKeyValue("ticks", queue.size())
          .addKeyValue("speed", speed)
          .log("replay started");
    }
  }

  @Override
  public synchronized void unsubscribe(Collection<InstrumentId> instruments) {
    subscribed.removeAll(instruments);
  }

  @Override
  public void stop() {
    Thread running;
    synchronized (this) {
      stopped = true;
      running = player;
    }
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
      try {
        running.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ticks played so far. */
  public synchronized long played() {
    return played;
  }

  private void play() {
    Instant previous = null;
    while (!stopped) {
      Tick next;
      synchronized (this) {
        next = queue.poll();
      }
      if (next == null) {
        break;
      }
      if (!subscribed.contains(next.instrument())) {
        continue;
      }
      if (previous != null && !pause(Duration.between(previous, next.exchangeTime()))) {
        return;
      }
      previous = next.exchangeTime();
      listener.onTick(next);
      synchronized (this) {
        played++;
      }
    }
    if (!stopped) {
      LOG.atInfo().addKeyValue("feed", name).addKeyValue("ticks", played()).log("replay finished");
      onFinished.run();
    }
  }

  /** Sleeps for {@code marketTime / speed}, at most the maximum pause; false when interrupted. */
  private boolean pause(Duration marketTime) {
    long nanos = (long) (Math.max(0, marketTime.toNanos()) / speed);
    nanos = Math.min(nanos, maxPause.toNanos());
    if (nanos <= 0) {
      return true;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }
}

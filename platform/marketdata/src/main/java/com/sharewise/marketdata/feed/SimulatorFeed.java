package com.sharewise.marketdata.feed;

import com.sharewise.api.market.FeedException;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDataFeed;
import com.sharewise.api.market.TickListener;
import com.sharewise.marketdata.TradingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in market simulator: realistic ticks for any instrument of the instrument master,
 * without a broker account.
 *
 * <p>Each instrument follows its own {@link PricePath} (a geometric random walk with clustered
 * volatility and a shared market factor) with bid/ask, five levels of depth and cumulative volume,
 * every price on the instrument's tick grid. Ticks come at a fixed rate per instrument, only while
 * the {@link TradingCalendar} says the market is open (09:15–15:30 IST on weekdays, or always).
 * Each session's opening price follows a deterministic daily walk from a reference price, so prices
 * continue plausibly from day to day and across restarts.
 *
 * <p>Deterministic: tick times lie on a grid ({@code session open + k / ticksPerSecond}), and the
 * random streams are derived from the seed, the instrument and the session date, so the same seed,
 * the same subscriptions and the same sequence of clock readings give the same ticks. A node
 * starting in the middle of a session fast-forwards each path in one-minute steps to the current
 * time first.
 *
 * <p>Threading: with a {@linkplain SimulatorConfig#driverPeriod driver period} the feed runs one
 * daemon thread that calls {@link #advanceTo} with the clock's time; without one, the caller drives
 * it. All methods are safe to call from any thread.
 */
public final class SimulatorFeed implements MarketDataFeed {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorFeed.class);

  /** Rough price levels of the seeded instruments, so the demo looks familiar. */
  private static final Map<String, Double> REFERENCE_PRICES =
      Map.ofEntries(
          Map.entry("NSE:INFY", 1520.0),
          Map.entry("NSE:TCS", 3450.0),
          Map.entry("NSE:RELIANCE", 1410.0),
          Map.entry("NSE:HDFCBANK", 1980.0),
          Map.entry("NSE:SBIN", 810.0),
          Map.entry("NSE:ICICIBANK", 1420.0),
          Map.entry("NSE:ITC", 415.0),
          Map.entry("NSE:LT", 3600.0),
          Map.entry("NSE:AXISBANK", 1160.0),
          Map.entry("NSE:KOTAKBANK", 2150.0),
          Map.entry("NSE:BHARTIARTL", 1900.0),
          Map.entry("NSE:HINDUNILVR", 2400.0),
          Map.entry("NSE:MARUTI", 12_500.0),
          Map.entry("NSE:ASIANPAINT", 2350.0),
          Map.entry("NSE:WIPRO", 255.0),
          Map.entry("NSE:HCLTECH", 1600.0),
          Map.entry("NSE:SUNPHARMA", 1700.0),
          Map.entry("NSE:TITAN", 3400.0),
          Map.entry("NSE:ULTRACEMCO", 11_800.0),
          Map.entry("NSE:NTPC", 340.0));

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long EPOCH_DAY_ORIGIN = LocalDate.of(2020, 1, 1).toEpochDay();
  private static final double CATCH_UP_STEP_SECONDS = 60;

  /** After a longer stall (a suspended laptop) the gap is crossed in one step, not tick by tick. */
  private static final double MAX_BURST_SECONDS = 60;

  private final SimulatorConfig config;
  private final Function<InstrumentId, Optional<Instrument>> instruments;
  private final TradingCalendar calendar;
  private final Clock clock;
  private final long periodNanos;
  private final Map<InstrumentId, Instrument> subscribed = new TreeMap<>(BY_NAME);
  private final Map<InstrumentId, PricePath> paths = new TreeMap<>(BY_NAME);

  private static final Comparator<InstrumentId> BY_NAME = Comparator.comparing(Object::toString);

  private TickListener listener;
  private ScheduledExecutorService driver;
  private TradingCalendar.Session session;
  private long sessionOpenNanos;
  private long cursorNanos = Long.MIN_VALUE; // time of the last grid point handled
  private boolean stopped;

  /**
   * @param instruments where tick and lot sizes come from (usually the instrument master)
   * @param calendar when the market is open
   * @param clock the time source the driver thread reads
   */
  public SimulatorFeed(
      SimulatorConfig config,
      Function<InstrumentId, Optional<Instrument>> instruments,
      TradingCalendar calendar,
      Clock clock) {
    this.config = config;
    this.instruments = instruments;
    this.calendar = calendar;
    this.clock = clock;
    this.periodNanos = Math.max(1, Math.round(NANOS_PER_SECOND / config.ticksPerSecond()));
  }

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public synchronized void start(TickListener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("simulator already started");
    }
    this.listener = listener;
    if (!config.driverPeriod().isZero()) {
      driver =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "marketdata-simulator");
                thread.setDaemon(true);
                return thread;
              });
      long period = config.driverPeriod().toNanos();
      driver.scheduleAtFixedRate(this::drive, 0, period, TimeUnit.NANOSECONDS);
    }
    LOG.atInfo()
        .addKeyValue("ticksPerSecond", config.ticksPerSecond())
        .addKeyValue("seed", config.seed())
        .addKeyValue("calendar", calendar)
        .log("simulator started");
  }

  @Override
  public synchronized void subscribe(Collection<InstrumentId> ids) throws FeedException {
    List<String> unknown = new ArrayList<>();
    Map<InstrumentId, Instrument> found = new TreeMap<>(BY_NAME);
    for (InstrumentId id : ids) {
      Optional<Instrument> instrument = instruments.apply(id);
      if (instrument.isEmpty()) {
        unknown.add(id.toString());
      } else {
        found.put(id, instrument.get());
      }
    }
    if (!unknown.isEmpty()) {
      throw new FeedException(
          "the simulator cannot simulate instruments missing from the instrument master: "
              + String.join(", ", unknown));
    }
    subscribed.putAll(found);
  }

  @Override
  public synchronized void unsubscribe(Collection<InstrumentId> ids) {
    ids.forEach(
        id -> {
          subscribed.remove(id);
          paths.remove(id);
        });
  }

  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      stopped = true;
      running = driver;
      driver = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The instruments simulated now, by name. */
  public synchronized List<InstrumentId> subscriptions() {
    return List.copyOf(subscribed.keySet());
  }

  private void drive() {
    try {
      advanceTo(clock.instant());
    } catch (RuntimeException e) {
      // never let the scheduler swallow the thread: log and keep going on the next period
      LOG.atError().setCause(e).log("simulator step failed");
    }
  }

  /**
   * Emits every tick that falls due up to {@code now} (inclusive), in time order and, at one
   * instant, in instrument-name order. Ticks go to the listener given to {@link #start}.
   */
  public synchronized void advanceTo(Instant now) {
    if (listener == null || stopped) {
      return;
    }
    long nowNanos = nanos(now);
    while (true) {
      if (session == null || cursorNanos >= nanos(session.close())) {
        Instant from = cursorNanos == Long.MIN_VALUE ? now : instant(cursorNanos);
        Optional<TradingCalendar.Session> next =
            calendar.session(from).or(() -> calendar.nextSession(from));
        if (next.isEmpty() || next.get().open().isAfter(now)) {
          cursorNanos = nowNanos;
          session = null;
          return;
        }
        openSession(
            next.get(), Math.max(nanos(next.get().open()), Math.min(nowNanos, nanos(from))));
      }
      long closeNanos = nanos(session.close());
      long until = Math.min(nowNanos, closeNanos - 1);
      emitUntil(until);
      if (nowNanos < closeNanos) {
        return;
      }
      cursorNanos = closeNanos;
    }
  }

  private void openSession(TradingCalendar.Session next, long startNanos) {
    session = next;
    sessionOpenNanos = nanos(next.open());
    paths.clear();
    // the grid point at or just before the start: ticks come after it
    long k = Math.floorDiv(startNanos - sessionOpenNanos, periodNanos);
    cursorNanos = sessionOpenNanos + k * periodNanos;
    if (startNanos == sessionOpenNanos) {
      cursorNanos = sessionOpenNanos - 1;
    }
  }

  private void emitUntil(long untilNanos) {
    for (Map.Entry<InstrumentId, Instrument> entry : subscribed.entrySet()) {
      paths.computeIfAbsent(entry.getKey(), id -> newPath(entry.getValue()));
    }
    long firstK = Math.floorDiv(cursorNanos - sessionOpenNanos, periodNanos) + 1;
    long lastK = Math.floorDiv(untilNanos - sessionOpenNanos, periodNanos);
    if (lastK < firstK) {
      return;
    }
    long burst = (long) (MAX_BURST_SECONDS * config.ticksPerSecond()) + 1;
    if (lastK - firstK > burst) {
      // a stall: cross the gap in one step, then resume on the grid
      long resumeK = lastK - burst;
      double gap = (resumeK - firstK + 1) * periodNanos / (double) NANOS_PER_SECOND;
      double market = marketShock(-resumeK);
      paths.values().forEach(path -> path.skip(gap, market, config.ticksPerSecond()));
      firstK = resumeK + 1;
    }
    double dt = periodNanos / (double) NANOS_PER_SECOND;
    for (long k = firstK; k <= lastK; k++) {
      long at = sessionOpenNanos + k * periodNanos;
      Instant time = instant(at);
      double market = marketShock(k);
      double sinceOpen = (at - sessionOpenNanos) / (double) NANOS_PER_SECOND;
      for (PricePath path : paths.values()) {
        listener.onTick(path.step(time, dt, sinceOpen, market));
      }
    }
    cursorNanos = sessionOpenNanos + lastK * periodNanos;
  }

  /** A new path for today, fast-forwarded from the session open to the cursor. */
  private PricePath newPath(Instrument instrument) {
    long day = session.date().toEpochDay();
    String name = instrument.id().toString();
    double reference =
        REFERENCE_PRICES.getOrDefault(name, 100.0 + Math.floorMod(name.hashCode(), 2900));
    SplittableRandom traits = new SplittableRandom(mix(config.seed(), name.hashCode(), 0));
    double annualVolatility = 0.18 + 0.14 * traits.nextDouble();
    double open = reference * Math.exp(dailyWalk(name, day));
    double sessionSeconds = (nanos(session.close()) - sessionOpenNanos) / (double) NANOS_PER_SECOND;
    PricePath path =
        new PricePath(
            instrument,
            config.dynamics(),
            open,
            annualVolatility,
            sessionSeconds,
            new SplittableRandom(mix(config.seed(), name.hashCode(), day)));
    double behind = (cursorNanos - sessionOpenNanos) / (double) NANOS_PER_SECOND;
    int step = 0;
    while (behind > 0) {
      double dt = Math.min(CATCH_UP_STEP_SECONDS, behind);
      path.skip(dt, marketShock(Long.MIN_VALUE / 2 + step++), config.ticksPerSecond());
      behind -= dt;
    }
    return path;
  }

  /**
   * The log of the session's opening price over the reference price: a random walk over calendar
   * days since 2020 (about 1.6 % a day), the same for every node and restart.
   */
  private double dailyWalk(String name, long day) {
    SplittableRandom walk = new SplittableRandom(mix(config.seed(), name.hashCode(), -1));
    double log = 0;
    for (long d = EPOCH_DAY_ORIGIN; d < day; d++) {
      // pull gently back towards the reference so prices stay recognisable for years
      log = 0.995 * log + 0.016 * walk.nextGaussian();
    }
    return log;
  }

  /** The shared market factor's shock at grid point {@code k} of the current session. */
  private double marketShock(long k) {
    return new SplittableRandom(mix(config.seed(), session.date().toEpochDay(), k)).nextGaussian();
  }

  private static long mix(long seed, long a, long b) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= Long.rotateLeft(a * 0xC2B2AE3D27D4EB4FL, 31);
    h ^= Long.rotateLeft(b * 0x165667B19E3779F9L, 17);
    return h;
  }

  private static long nanos(Instant time) {
    return Math.addExact(
        Math.multiplyExact(time.getEpochSecond(), NANOS_PER_SECOND), time.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}

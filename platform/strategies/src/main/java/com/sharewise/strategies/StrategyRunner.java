package com.sharewise.strategies;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.api.trading.AccountRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * Runs one {@link StrategyInstance} over bars: the same code live (one runner per strategy
 * instance, fed by the runtime) and in backtests (fed from stored bars as fast as it goes).
 *
 * <p>The runner keeps its own ta4j {@link BaseBarSeries} per bound instrument and timeframe (the
 * instance's primary timeframe plus the descriptor's extra ones), with {@link DoubleNum} values and
 * at least the last {@link Limits#maximumBarCount()} bars (trimmed in batches). {@link #warmUp}
 * adds history without telling the strategy; {@link #start} creates the instance over the warm
 * series; {@link #onBar} appends the bar to its series and then calls {@code onBar}, as the SPI
 * promises.
 *
 * <h2>Failures</h2>
 *
 * Nothing a strategy does escapes the runner. When {@code create} or {@code onBar} throws, or an
 * {@code onBar} call takes longer than {@link Limits#timeBudget()}, the runner is {@link
 * State#PAUSED} with the reason in {@link #failure()} and ignores further bars. A runner does not
 * resume: to run the instance again, build a new runner (and warm it up again).
 *
 * <h2>Speed</h2>
 *
 * A backtest drives millions of bars a second through {@link #onBar}: apart from the ta4j bar
 * itself it allocates nothing per bar, logs nothing and reads the clock ({@link System#nanoTime})
 * only when a time budget is set, and then, for a budget of a second or more (a backtest's, which
 * only stops runaway strategies), about twice per batch of up to 1,024 bars rather than twice per
 * bar ({@link CallTimer}).
 *
 * <h2>Threading</h2>
 *
 * Not thread-safe: one thread at a time calls {@link #warmUp}, {@link #start}, {@link #onBar},
 * {@link #pause} and {@link #stop} (the live runtime uses one executor per instance). {@link
 * #state}, {@link #failure} and {@link #stats} may be read from any thread.
 */
public final class StrategyRunner {

  /** Where a runner stands. */
  public enum State {
    /** Built, warming up; {@link #start} not called yet. */
    CREATED,
    /** The instance exists and receives bars. */
    RUNNING,
    /** Stopped by a failure or by {@link #pause}; {@link #failure()} says why. Final. */
    PAUSED,
    /** Stopped by {@link #stop}. Final. */
    STOPPED
  }

  /**
   * What to run.
   *
   * @param instanceId the strategy instance's id, stamped on its signals
   * @param account the account the instance trades for
   * @param factory the strategy plugin's factory
   * @param parameters parameter values, already resolved against the descriptor and validated
   * @param instruments the bound instruments (at least one)
   * @param timeframe the primary timeframe; the descriptor's extra timeframes are added
   */
  public record Spec(
      String instanceId,
      AccountRef account,
      StrategyFactory factory,
      Parameters parameters,
      List<InstrumentId> instruments,
      Timeframe timeframe) {

    public Spec {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(factory, "factory");
      Objects.requireNonNull(parameters, "parameters");
      Objects.requireNonNull(timeframe, "timeframe");
      instruments = List.copyOf(new LinkedHashSet<>(instruments));
      if (instruments.isEmpty()) {
        throw new IllegalArgumentException("a strategy instance needs at least one instrument");
      }
    }
  }

  /**
   * How much a runner may use.
   *
   * @param maximumBarCount bars kept per series at least; older ones are dropped in batches (a
   *     series holds up to twice as many before it is trimmed back), and ta4j indicators keep
   *     working on the remaining window
   * @param timeBudget longest an {@code onBar} call may take before the runner is paused; {@link
   *     Duration#ZERO} for none (the clock is then never read). From a second up, calls are timed
   *     in batches while they run far below it, and only a call timed alone is judged, so a single
   *     overrun inside a fast batch passes once (see {@code CallTimer})
   */
  public record Limits(int maximumBarCount, Duration timeBudget) {

    /** 5,000 bars per series, no time budget. */
    public static final Limits UNLIMITED = new Limits(5_000, Duration.ZERO);

    public Limits {
      if (maximumBarCount < 2 || maximumBarCount > 100_000_000) {
        throw new IllegalArgumentException(
            "maximumBarCount must be between 2 and 100000000, got " + maximumBarCount);
      }
      Objects.requireNonNull(timeBudget, "timeBudget");
      if (timeBudget.isNegative()) {
        throw new IllegalArgumentException("timeBudget must not be negative");
      }
    }
  }

  /**
   * Counters, for health and backtest reports.
   *
   * @param bars bars delivered to the strategy
   * @param skippedBars bars ignored because they were not later than their series' last bar
   *     (history and live overlap, repeated bars) or came for a series the instance does not read
   * @param signals signals handed to the sink
   * @param ignoredSignals signals emitted outside {@code onBar} (during warm-up), never passed on
   * @param sinkFailures signals the sink threw on
   * @param maxCallNanos the slowest {@code onBar} call timed on its own (0 without a time budget;
   *     with a budget of a second or more calls are timed in batches, see {@code CallTimer})
   * @param totalCallNanos time spent in {@code onBar} (0 without a time budget; calls timed in a
   *     batch count the platform's work between them too)
   */
  public record Stats(
      long bars,
      long skippedBars,
      long signals,
      long ignoredSignals,
      long sinkFailures,
      long maxCallNanos,
      long totalCallNanos) {}

  private static final Num ZERO = DoubleNumFactory.getInstance().zero();

  private final Spec spec;
  private final Clock clock;
  private final SignalSink sink;
  private final long budgetNanos;
  private final CallTimer timer;
  private final int maximumBarCount;
  private final int trimAt;
  private final Set<Timeframe> timeframes;
  private final Map<InstrumentId, Lane> lanes = new HashMap<>();
  private final Context context;

  // the last lane used: consecutive bars of one instrument skip the map lookup
  private InstrumentId lastInstrument;
  private Lane lastLane;

  private StrategyInstance instance;
  private boolean inBar;
  private volatile State state = State.CREATED;
  private volatile Failure failure;

  private long bars;
  private long skippedBars;
  private long signals;
  private long ignoredSignals;
  private long sinkFailures;

  /**
   * A runner with empty series; {@link #warmUp} them, then {@link #start}.
   *
   * @param clock the strategy's clock: wall time live, simulated time in backtests
   */
  public StrategyRunner(Spec spec, Limits limits, Clock clock, SignalSink sink) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.budgetNanos = limits.timeBudget().toNanos();
    this.timer = budgetNanos > 0 ? new CallTimer(budgetNanos) : null;
    this.maximumBarCount = limits.maximumBarCount();
    this.trimAt = limits.maximumBarCount() + Math.max(limits.maximumBarCount(), 64);
    EnumSet<Timeframe> all = EnumSet.of(spec.timeframe());
    all.addAll(spec.factory().descriptor().extraTimeframes());
    this.timeframes = Collections.unmodifiableSet(all);
    for (InstrumentId instrument : spec.instruments()) {
      lanes.put(instrument, new Lane(instrument, all, trimAt));
    }
    this.context = new Context();
  }

  /** Why a runner paused: in words for the trader, with the exception when there was one. */
  public record Failure(String message, Throwable cause) {}

  public Spec spec() {
    return spec;
  }

  /** The timeframes whose bars this runner reads: the primary one and the extra ones. */
  public Set<Timeframe> timeframes() {
    return timeframes;
  }

  /** Whether {@link #onBar} would use a bar of this instrument and timeframe. */
  public boolean reads(InstrumentId instrument, Timeframe timeframe) {
    return lanes.containsKey(instrument) && timeframes.contains(timeframe);
  }

  public State state() {
    return state;
  }

  /** Why the runner paused, when it did. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  public Stats stats() {
    return new Stats(
        bars,
        skippedBars,
        signals,
        ignoredSignals,
        sinkFailures,
        timer == null ? 0 : timer.maxCallNanos(),
        timer == null ? 0 : timer.totalCallNanos());
  }

  /**
   * The series of one bound instrument and timeframe, as the strategy sees it.
   *
   * @throws IllegalArgumentException for an instrument or timeframe the instance is not bound to
   */
  public BaseBarSeries series(InstrumentId instrument, Timeframe timeframe) {
    Lane lane = lanes.get(instrument);
    BaseBarSeries series = lane == null ? null : lane.series[timeframe.ordinal()];
    if (series == null) {
      throw new IllegalArgumentException(
          "instance "
              + spec.instanceId()
              + " is not bound to "
              + instrument
              + " "
              + timeframe.label()
              + "; bound to "
              + spec.instruments()
              + " "
              + timeframes.stream().map(Timeframe::label).toList());
    }
    return series;
  }

  /**
   * Adds a historic bar to its series without telling the strategy. Call before {@link #start},
   * oldest first; bars not later than their series' last bar, or of series the instance does not
   * read, are skipped.
   *
   * @return whether the bar was added
   */
  public boolean warmUp(Bar bar) {
    if (state != State.CREATED) {
      throw new IllegalStateException("warm up before start; the runner is " + state);
    }
    return append(bar) != null;
  }

  /** {@link #warmUp} for each bar, oldest first. */
  public void warmUp(List<Bar> history) {
    for (Bar bar : history) {
      warmUp(bar);
    }
  }

  /**
   * Creates the strategy instance over the warm series. When the factory throws, the runner is
   * {@link State#PAUSED} with the reason.
   *
   * @return whether the instance runs
   */
  public boolean start() {
    if (state != State.CREATED) {
      throw new IllegalStateException("the runner was already started; it is " + state);
    }
    try {
      StrategyInstance created = spec.factory().create(context, spec.parameters());
      if (created == null) {
        fail("the strategy's create returned no instance", null);
        return false;
      }
      instance = created;
      state = State.RUNNING;
      return true;
    } catch (Throwable t) {
      rethrowFatal(t);
      fail("the strategy could not start: " + describe(t), t);
      return false;
    }
  }

  /**
   * A bar closed: appends it to its series, then hands it to the strategy. Ignored unless the
   * runner is {@link State#RUNNING}; skipped (counted, not delivered) when the bar is not later
   * than its series' last bar or belongs to a series the instance does not read. Never throws
   * because of the strategy: a failure or an overrun pauses the runner.
   *
   * @return whether the strategy was called
   */
  public boolean onBar(Bar bar) {
    if (state != State.RUNNING) {
      return false;
    }
    if (append(bar) == null) {
      skippedBars++;
      return false;
    }
    bars++;
    inBar = true;
    try {
      if (timer != null) {
        long started = timer.start();
        instance.onBar(bar);
        long took = timer.stop(started);
        if (took > 0 && state == State.RUNNING) {
          fail(
              "onBar took "
                  + millis(took)
                  + " ms for the bar of "
                  + bar.instrument()
                  + " "
                  + bar.timeframe().label()
                  + " closing "
                  + bar.endTime()
                  + ", over the budget of "
                  + millis(budgetNanos)
                  + " ms",
              null);
        }
      } else {
        instance.onBar(bar);
      }
    } catch (Throwable t) {
      rethrowFatal(t);
      fail(
          "onBar failed for the bar of "
              + bar.instrument()
              + " "
              + bar.timeframe().label()
              + " closing "
              + bar.endTime()
              + ": "
              + describe(t),
          t);
    } finally {
      inBar = false;
    }
    return true;
  }

  /**
   * Pauses the runner from outside (a trader, a plugin update): the strategy gets {@code onStop}
   * and no more bars. Nothing happens when it is already paused or stopped.
   */
  public void pause(String reason) {
    if (state == State.PAUSED || state == State.STOPPED) {
      return;
    }
    fail(reason, null);
  }

  /** Stops the runner: the strategy gets {@code onStop} and no more bars. Idempotent. */
  public void stop() {
    if (state == State.PAUSED || state == State.STOPPED) {
      return;
    }
    state = State.STOPPED;
    stopInstance();
  }

  private void fail(String message, Throwable cause) {
    failure = new Failure(message, cause);
    state = State.PAUSED;
    stopInstance();
  }

  private void stopInstance() {
    StrategyInstance stopping = instance;
    instance = null;
    if (stopping == null) {
      return;
    }
    try {
      stopping.onStop();
    } catch (Throwable t) {
      rethrowFatal(t);
      // the instance is gone either way; a failing onStop must not hide why it was stopped
    }
  }

  /** Appends {@code bar} to its series; returns the series, or null when the bar was skipped. */
  private BaseBarSeries append(Bar bar) {
    Lane lane;
    InstrumentId instrument = bar.instrument();
    if (instrument == lastInstrument) {
      lane = lastLane;
    } else {
      lane = lanes.get(instrument);
      if (lane == null) {
        return null;
      }
      lastInstrument = instrument;
      lastLane = lane;
    }
    int slot = bar.timeframe().ordinal();
    BaseBarSeries series = lane.series[slot];
    if (series == null) {
      return null;
    }
    Instant open = bar.openTime();
    long endMillis = open.toEpochMilli() + lane.lengthMillis[slot];
    if (endMillis <= lane.lastEndMillis[slot]) {
      return null;
    }
    series.addBar(
        new BaseBar(
            bar.timeframe().duration(),
            open,
            null, // ta4j adds the length to the open: the same end as bar.endTime(), made once
            DoubleNum.valueOf(bar.open()),
            DoubleNum.valueOf(bar.high()),
            DoubleNum.valueOf(bar.low()),
            DoubleNum.valueOf(bar.close()),
            DoubleNum.valueOf(bar.volume()),
            ZERO,
            0));
    lane.lastEndMillis[slot] = endMillis;
    if (series.getBarCount() >= trimAt) {
      // ta4j trims one bar per add once full, shifting the whole list each time; trimming a batch
      // at once keeps appends O(1) amortised
      series.setMaximumBarCount(maximumBarCount);
      series.setMaximumBarCount(trimAt);
    }
    return series;
  }

  private void emitted(Signal signal) {
    if (!inBar) {
      // warm-up (create) must not trade on history: only the bar just closed may signal
      ignoredSignals++;
      return;
    }
    if (!lanes.containsKey(signal.instrument())) {
      throw new IllegalArgumentException(
          "the strategy emitted a signal for "
              + signal.instrument()
              + ", which the instance is not bound to ("
              + spec.instruments()
              + ")");
    }
    Signal stamped =
        signal.strategyInstanceId().equals(spec.instanceId())
            ? signal
            : new Signal(
                spec.instanceId(),
                signal.instrument(),
                signal.timeframe(),
                signal.action(),
                signal.time(),
                signal.price(),
                signal.reason(),
                signal.attributes());
    signals++;
    try {
      sink.accept(stamped);
    } catch (RuntimeException e) {
      // the sink's trouble is not the strategy's: count it and let the strategy go on
      sinkFailures++;
    }
  }

  private static void rethrowFatal(Throwable t) {
    if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
      throw (VirtualMachineError) t;
    }
  }

  /** The exception in a line: type, message and where in the strategy it was thrown. */
  static String describe(Throwable t) {
    StringBuilder text = new StringBuilder(t.getClass().getSimpleName());
    if (t.getMessage() != null && !t.getMessage().isBlank()) {
      text.append(": ").append(t.getMessage());
    }
    StackTraceElement[] trace = t.getStackTrace();
    if (trace.length > 0) {
      text.append(" (at ").append(trace[0]).append(')');
    }
    return text.toString();
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /** The series of one instrument, indexed by timeframe ordinal (null: not read). */
  private static final class Lane {
    final BaseBarSeries[] series = new BaseBarSeries[Timeframe.values().length];
    final long[] lastEndMillis = new long[Timeframe.values().length];
    final long[] lengthMillis = new long[Timeframe.values().length];

    Lane(InstrumentId instrument, Set<Timeframe> timeframes, int seriesCap) {
      for (Timeframe timeframe : timeframes) {
        lengthMillis[timeframe.ordinal()] = timeframe.duration().toMillis();
        BaseBarSeries built =
            new BaseBarSeriesBuilder()
                .withName(instrument + " " + timeframe.label())
                .withNumFactory(DoubleNumFactory.getInstance())
                .withMaxBarCount(seriesCap)
                .build();
        series[timeframe.ordinal()] = built;
        lastEndMillis[timeframe.ordinal()] = Long.MIN_VALUE;
      }
    }
  }

  /** What the strategy sees of the platform. */
  private final class Context implements StrategyContext {

    @Override
    public String instanceId() {
      return spec.instanceId();
    }

    @Override
    public AccountRef account() {
      return spec.account();
    }

    @Override
    public List<InstrumentId> instruments() {
      return spec.instruments();
    }

    @Override
    public Timeframe timeframe() {
      return spec.timeframe();
    }

    @Override
    public org.ta4j.core.BarSeries series(InstrumentId instrument, Timeframe timeframe) {
      return StrategyRunner.this.series(instrument, timeframe);
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public void emit(Signal signal) {
      emitted(Objects.requireNonNull(signal, "signal"));
    }
  }
}

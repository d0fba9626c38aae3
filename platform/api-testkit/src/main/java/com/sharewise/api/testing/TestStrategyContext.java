package com.sharewise.api.testing;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.api.trading.AccountRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * A {@link StrategyContext} that plays the platform's part in a strategy's unit test: one ta4j
 * series (DoubleNum, as the platform uses) per instrument on one timeframe, a clock that reads the
 * close time of the last bar, and the list of emitted signals.
 *
 * <p>The platform appends a closed bar to its series and only then calls {@link
 * StrategyInstance#onBar}; {@link #close} and {@link #deliver} do the same, so a strategy sees its
 * series exactly as it will live. {@link #append} adds history without calling the strategy, like
 * the warm-up bars loaded before a start.
 *
 * <pre>{@code
 * TestStrategyContext context = new TestStrategyContext(Timeframe.M1, INFY);
 * StrategyInstance strategy = factory.create(context, parameters);
 * for (double close : closes) {
 *   context.close(strategy, INFY, close);
 * }
 * assertThat(context.signals()).extracting(Signal::action).containsExactly(ENTER_LONG, EXIT_LONG);
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives it, as the platform drives a strategy instance from
 * one thread at a time.
 */
public final class TestStrategyContext implements StrategyContext {

  /**
   * When the first bar of {@link #close}/{@link #append} opens: Monday 6 January 2025, 09:15 IST.
   */
  public static final Instant FIRST_OPEN = Instant.parse("2025-01-06T03:45:00Z");

  /** The instance id this context reports. */
  public static final String INSTANCE_ID = "test-1";

  /** The account this context reports. */
  public static final AccountRef ACCOUNT = new AccountRef("paper-1");

  private static final long VOLUME = 1000;

  private final Timeframe timeframe;
  private final Map<InstrumentId, BarSeries> series = new LinkedHashMap<>();
  private final List<Signal> signals = new ArrayList<>();
  private Clock clock = Clock.fixed(FIRST_OPEN, ZoneOffset.UTC);

  /**
   * @param timeframe the strategy's (only) timeframe
   * @param instruments the instruments it is bound to, each with an empty series
   */
  public TestStrategyContext(Timeframe timeframe, InstrumentId... instruments) {
    this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
    for (InstrumentId instrument : instruments) {
      series.put(
          instrument,
          new BaseBarSeriesBuilder()
              .withName(instrument.toString())
              .withNumFactory(DoubleNumFactory.getInstance())
              .build());
    }
  }

  /**
   * Closes the next bar of {@code instrument} — open, high, low and close all at {@code close},
   * volume 1000, opening one timeframe after the previous one (the first at {@link #FIRST_OPEN}) —
   * and hands it to {@code strategy}.
   *
   * @return the bar delivered
   */
  public Bar close(StrategyInstance strategy, InstrumentId instrument, double close) {
    Bar bar = append(instrument, close);
    strategy.onBar(bar);
    return bar;
  }

  /**
   * Adds the next flat bar of {@code instrument} (as {@link #close} makes it) without calling any
   * strategy.
   *
   * @return the bar added
   */
  public Bar append(InstrumentId instrument, double close) {
    Instant open =
        FIRST_OPEN.plus(timeframe.duration().multipliedBy(seriesOf(instrument).getBarCount()));
    Bar bar = new Bar(instrument, timeframe, open, close, close, close, close, VOLUME);
    append(bar);
    return bar;
  }

  /** Appends {@code bar} to its instrument's series and hands it to {@code strategy}. */
  public void deliver(StrategyInstance strategy, Bar bar) {
    append(bar);
    strategy.onBar(bar);
  }

  /**
   * Appends {@code bar} to its instrument's series without calling any strategy, and moves the
   * clock to its close.
   *
   * @throws IllegalArgumentException if the bar is not of this context's timeframe or instruments
   */
  public void append(Bar bar) {
    if (bar.timeframe() != timeframe) {
      throw new IllegalArgumentException(
          "a " + bar.timeframe() + " bar for a context on " + timeframe);
    }
    seriesOf(bar.instrument())
        .barBuilder()
        .timePeriod(bar.timeframe().duration())
        .endTime(bar.endTime())
        .openPrice(bar.open())
        .highPrice(bar.high())
        .lowPrice(bar.low())
        .closePrice(bar.close())
        .volume(bar.volume())
        .add();
    clock = Clock.fixed(bar.endTime(), ZoneOffset.UTC);
  }

  /**
   * The index of the bar (as {@link #close}/{@link #append} number them from {@link #FIRST_OPEN})
   * on whose close {@code signal} was emitted.
   */
  public int barIndex(Signal signal) {
    long sinceFirstOpen = signal.time().toEpochMilli() - FIRST_OPEN.toEpochMilli();
    return Math.toIntExact(sinceFirstOpen / timeframe.duration().toMillis() - 1);
  }

  /** The signals emitted so far, in order; the live list. */
  public List<Signal> signals() {
    return signals;
  }

  @Override
  public String instanceId() {
    return INSTANCE_ID;
  }

  @Override
  public AccountRef account() {
    return ACCOUNT;
  }

  @Override
  public List<InstrumentId> instruments() {
    return List.copyOf(series.keySet());
  }

  @Override
  public Timeframe timeframe() {
    return timeframe;
  }

  @Override
  public BarSeries series(InstrumentId instrument, Timeframe timeframe) {
    if (timeframe != this.timeframe || !series.containsKey(instrument)) {
      throw new IllegalArgumentException("not bound to " + instrument + " " + timeframe);
    }
    return series.get(instrument);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void emit(Signal signal) {
    signals.add(signal);
  }

  private BarSeries seriesOf(InstrumentId instrument) {
    BarSeries bars = series.get(instrument);
    if (bars == null) {
      throw new IllegalArgumentException("not bound to " + instrument);
    }
    return bars;
  }
}

package com.sharewise.strategy.macdcross.internal;

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
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * A strategy context as the platform provides one, for tests: DoubleNum series per instrument on
 * the primary timeframe, a clock at the close of the last bar, and the emitted signals. {@link
 * #close} plays the platform's part: append the bar, then call onBar.
 */
final class TestStrategyContext implements StrategyContext {

  /** The first bar opens at the NSE session open, 09:15 IST. */
  static final Instant FIRST_OPEN = Instant.parse("2025-01-06T03:45:00Z");

  private final Timeframe timeframe;
  private final Map<InstrumentId, BarSeries> series = new LinkedHashMap<>();
  private final List<Signal> signals = new ArrayList<>();
  private Clock clock = Clock.fixed(FIRST_OPEN, ZoneOffset.UTC);

  TestStrategyContext(Timeframe timeframe, InstrumentId... instruments) {
    this.timeframe = timeframe;
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
   * Closes the next bar of {@code instrument} at {@code close} and hands it to {@code strategy}.
   */
  Bar close(StrategyInstance strategy, InstrumentId instrument, double close) {
    Bar bar = append(instrument, close);
    strategy.onBar(bar);
    return bar;
  }

  /** Adds a bar to the series without telling any strategy, like history loaded before start. */
  Bar append(InstrumentId instrument, double close) {
    BarSeries bars = series.get(instrument);
    Instant open = FIRST_OPEN.plus(timeframe.duration().multipliedBy(bars.getBarCount()));
    Bar bar = new Bar(instrument, timeframe, open, close, close, close, close, 1000);
    bars.barBuilder()
        .timePeriod(timeframe.duration())
        .endTime(bar.endTime())
        .openPrice(close)
        .highPrice(close)
        .lowPrice(close)
        .closePrice(close)
        .volume(bar.volume())
        .add();
    clock = Clock.fixed(bar.endTime(), ZoneOffset.UTC);
    return bar;
  }

  /** The bar index a signal was emitted on, from its time. */
  int barIndex(Signal signal) {
    return Math.toIntExact(
        (signal.time().toEpochMilli() - FIRST_OPEN.toEpochMilli()) / timeframe.duration().toMillis()
            - 1);
  }

  List<Signal> signals() {
    return signals;
  }

  @Override
  public String instanceId() {
    return "test-1";
  }

  @Override
  public AccountRef account() {
    return new AccountRef("paper-1");
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
}

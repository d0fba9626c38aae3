package com.sharewise.strategy.openingrangebreakout.internal;

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
 * #deliver} plays the platform's part: append the bar, then call onBar.
 */
final class TestStrategyContext implements StrategyContext {

  private final Timeframe timeframe;
  private final Map<InstrumentId, BarSeries> series = new LinkedHashMap<>();
  private final List<Signal> signals = new ArrayList<>();
  private Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

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

  /** Appends {@code bar} to its instrument's series and hands it to {@code strategy}. */
  void deliver(StrategyInstance strategy, Bar bar) {
    append(bar);
    strategy.onBar(bar);
  }

  /** Adds a bar to the series without telling any strategy, like history loaded before start. */
  void append(Bar bar) {
    series
        .get(bar.instrument())
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

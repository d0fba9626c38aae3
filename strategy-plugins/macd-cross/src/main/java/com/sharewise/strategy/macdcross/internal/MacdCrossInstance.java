package com.sharewise.strategy.macdcross.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.strategy.toolkit.Decimals;
import java.util.HashMap;
import java.util.Map;

/**
 * One running MACD cross strategy: a {@link Macd} per bound instrument over the primary-timeframe
 * series the platform maintains.
 *
 * <p>History already in the series when the instance starts warms the EMAs up and sets the implied
 * position, but emits nothing; only the bar just closed can signal. Called from one thread at a
 * time, as {@link StrategyInstance} promises, so it needs no locks.
 */
final class MacdCrossInstance implements StrategyInstance {

  private final StrategyContext context;
  private final Settings settings;
  private final Map<InstrumentId, Macd> macds = new HashMap<>();

  MacdCrossInstance(StrategyContext context, Settings settings) {
    this.context = context;
    this.settings = settings;
    for (InstrumentId instrument : context.instruments()) {
      Macd macd = new Macd(context.series(instrument, context.timeframe()), settings);
      macd.catchUp();
      macds.put(instrument, macd);
    }
  }

  @Override
  public void onBar(Bar bar) {
    Macd macd = macds.get(bar.instrument());
    if (macd == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    switch (macd.catchUp()) {
      case ENTER -> signal(bar, SignalAction.ENTER_LONG, "above", " > ", macd);
      case EXIT -> signal(bar, SignalAction.EXIT_LONG, "below", " < ", macd);
      case NONE, ENTRY_FILTERED -> {}
      default -> throw new IllegalStateException("unhandled event");
    }
  }

  private void signal(
      Bar bar, SignalAction action, String direction, String comparison, Macd macd) {
    double line = macd.macd();
    double signal = macd.signal();
    String where = line < 0 ? ", below zero" : line > 0 ? ", above zero" : "";
    context.emit(
        bar,
        action,
        settings.label()
            + " crossed "
            + direction
            + " its signal line: "
            + Decimals.fixed(line, 4)
            + comparison
            + Decimals.fixed(signal, 4)
            + where,
        Map.of(
            "macd", Decimals.format(line, 4),
            "signal", Decimals.format(signal, 4),
            "histogram", Decimals.format(line - signal, 4)));
  }
}

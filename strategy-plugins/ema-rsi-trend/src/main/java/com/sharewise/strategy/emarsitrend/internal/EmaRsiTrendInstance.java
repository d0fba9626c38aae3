package com.sharewise.strategy.emarsitrend.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.strategy.toolkit.Decimals;
import java.util.HashMap;
import java.util.Map;

/**
 * One running EMA trend strategy: a {@link Trend} per bound instrument over the primary-timeframe
 * series the platform maintains.
 *
 * <p>History already in the series when the instance starts warms the indicators up and sets the
 * implied position, but emits nothing; only the bar just closed can signal. Called from one thread
 * at a time, as {@link StrategyInstance} promises, so it needs no locks.
 */
final class EmaRsiTrendInstance implements StrategyInstance {

  private final StrategyContext context;
  private final Settings settings;
  private final Map<InstrumentId, Trend> trends = new HashMap<>();

  EmaRsiTrendInstance(StrategyContext context, Settings settings) {
    this.context = context;
    this.settings = settings;
    for (InstrumentId instrument : context.instruments()) {
      Trend trend = new Trend(context.series(instrument, context.timeframe()), settings);
      trend.catchUp();
      trends.put(instrument, trend);
    }
  }

  @Override
  public void onBar(Bar bar) {
    Trend trend = trends.get(bar.instrument());
    if (trend == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    switch (trend.catchUp()) {
      case ENTER ->
          signal(
              bar,
              SignalAction.ENTER_LONG,
              emas(" crossed above ")
                  + " with "
                  + rsi(trend)
                  + " < "
                  + Decimals.format(settings.rsiMax(), 2),
              trend);
      case EXIT_CROSS -> signal(bar, SignalAction.EXIT_LONG, emas(" crossed below "), trend);
      case EXIT_RSI ->
          signal(
              bar,
              SignalAction.EXIT_LONG,
              rsi(trend) + " > " + Decimals.format(settings.rsiExit(), 2),
              trend);
      case NONE, ENTRY_FILTERED -> {}
      default -> throw new IllegalStateException("unhandled event");
    }
  }

  private String emas(String crossed) {
    return "EMA(" + settings.fastPeriod() + ")" + crossed + "EMA(" + settings.slowPeriod() + ")";
  }

  private String rsi(Trend trend) {
    return "RSI(" + settings.rsiPeriod() + ") " + Decimals.fixed(trend.rsi(), 2);
  }

  private void signal(Bar bar, SignalAction action, String reason, Trend trend) {
    context.emit(
        bar,
        action,
        reason,
        Map.of(
            "fastEma", Decimals.format(trend.fastEma(), 4),
            "slowEma", Decimals.format(trend.slowEma(), 4),
            "rsi", Decimals.format(trend.rsi(), 4)));
  }
}

package com.sharewise.strategy.smacrossover.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * One running SMA crossover: a {@link Crossing} per bound instrument over the primary-timeframe
 * series the platform maintains.
 *
 * <p>History already in the series when the instance starts warms the averages up but emits
 * nothing; only the bar just closed can signal. Everything is derived from the series, so a restart
 * that reloads it gives the same signals. No signal comes before the slow average has {@code slow}
 * bars. A bar without a signal allocates nothing, because a backtest feeds an instance millions of
 * bars a second. Called from one thread at a time, as {@link StrategyInstance} promises, so it
 * needs no locks.
 */
final class SmaCrossoverInstance implements StrategyInstance {

  private final StrategyContext context;
  private final Timeframe timeframe;
  private final String crossedAbove;
  private final String crossedBelow;
  private final Map<InstrumentId, Crossing> crossings = new HashMap<>();

  // the last instrument seen: consecutive bars of one instrument skip the map look-up
  private InstrumentId lastInstrument;
  private Crossing lastCrossing;

  SmaCrossoverInstance(StrategyContext context, int fast, int slow) {
    this.context = context;
    this.timeframe = context.timeframe();
    this.crossedAbove = "SMA(" + fast + ") crossed above SMA(" + slow + ")";
    this.crossedBelow = "SMA(" + fast + ") crossed below SMA(" + slow + ")";
    for (InstrumentId instrument : context.instruments()) {
      Crossing crossing = new Crossing(context.series(instrument, timeframe), fast, slow);
      crossing.catchUp();
      crossings.put(instrument, crossing);
    }
  }

  @Override
  public void onBar(Bar bar) {
    if (bar.timeframe() != timeframe) {
      return;
    }
    Crossing crossing;
    if (bar.instrument() == lastInstrument) {
      crossing = lastCrossing;
    } else {
      crossing = crossings.get(bar.instrument());
      if (crossing == null) {
        return;
      }
      lastInstrument = bar.instrument();
      lastCrossing = crossing;
    }
    switch (crossing.next()) {
      case UP -> signal(bar, SignalAction.ENTER_LONG, crossedAbove, crossing);
      case DOWN -> signal(bar, SignalAction.EXIT_LONG, crossedBelow, crossing);
      case NONE -> {}
      default -> throw new IllegalStateException("unhandled event");
    }
  }

  private void signal(Bar bar, SignalAction action, String reason, Crossing crossing) {
    context.emit(
        bar,
        action,
        reason,
        Map.of(
            "fastSma", format(crossing.fastAverage()),
            "slowSma", format(crossing.slowAverage())));
  }

  /** Four decimals, enough for any rupee price; plain digits so signal rules can parse them. */
  private static String format(double value) {
    return BigDecimal.valueOf(value)
        .setScale(4, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}

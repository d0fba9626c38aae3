package com.sharewise.strategy.smacrossover.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * One running SMA crossover: a pair of SMAs and two ta4j crossing rules per bound instrument, over
 * the primary-timeframe series the platform maintains.
 *
 * <p>It keeps no state of its own beyond those indicators, so a restart that reloads the series
 * gives the same signals. ta4j reports no crossing while the slow SMA is still warming up (fewer
 * than {@code slow} bars), and the instance only looks at the bar just closed, never at history.
 * Called from one thread at a time, as {@link StrategyInstance} promises, so it needs no locks.
 */
final class SmaCrossoverInstance implements StrategyInstance {

  private final StrategyContext context;
  private final int fast;
  private final int slow;
  private final Map<InstrumentId, Crossing> crossings = new HashMap<>();

  SmaCrossoverInstance(StrategyContext context, int fast, int slow) {
    this.context = context;
    this.fast = fast;
    this.slow = slow;
    for (InstrumentId instrument : context.instruments()) {
      crossings.put(
          instrument, Crossing.on(context.series(instrument, context.timeframe()), fast, slow));
    }
  }

  @Override
  public void onBar(Bar bar) {
    Crossing crossing = crossings.get(bar.instrument());
    if (crossing == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    int index = crossing.series().getEndIndex();
    if (crossing.up().isSatisfied(index)) {
      signal(bar, SignalAction.ENTER_LONG, "above", crossing, index);
    } else if (crossing.down().isSatisfied(index)) {
      signal(bar, SignalAction.EXIT_LONG, "below", crossing, index);
    }
  }

  private void signal(Bar bar, SignalAction action, String direction, Crossing crossing, int i) {
    context.emit(
        bar,
        action,
        "SMA(" + fast + ") crossed " + direction + " SMA(" + slow + ")",
        Map.of(
            "fastSma", format(crossing.fastSma().getValue(i)),
            "slowSma", format(crossing.slowSma().getValue(i))));
  }

  /** Four decimals, enough for any rupee price; plain digits so signal rules can parse them. */
  private static String format(Num value) {
    return BigDecimal.valueOf(value.doubleValue())
        .setScale(4, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The indicators and rules over one instrument's series. */
  private record Crossing(
      BarSeries series, Indicator<Num> fastSma, Indicator<Num> slowSma, Rule up, Rule down) {

    static Crossing on(BarSeries series, int fast, int slow) {
      ClosePriceIndicator close = new ClosePriceIndicator(series);
      SMAIndicator fastSma = new SMAIndicator(close, fast);
      SMAIndicator slowSma = new SMAIndicator(close, slow);
      return new Crossing(
          series,
          fastSma,
          slowSma,
          new CrossedUpIndicatorRule(fastSma, slowSma),
          new CrossedDownIndicatorRule(fastSma, slowSma));
    }
  }
}

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
 * The reference the plugin must agree with: how it computed crossings before it was incremental,
 * with ta4j's {@code SMAIndicator}s and crossing rules re-evaluated at every bar.
 */
final class Ta4jCrossover implements StrategyInstance {

  private final StrategyContext context;
  private final int fast;
  private final int slow;
  private final Map<InstrumentId, Rules> rules = new HashMap<>();

  Ta4jCrossover(StrategyContext context, int fast, int slow) {
    this.context = context;
    this.fast = fast;
    this.slow = slow;
    for (InstrumentId instrument : context.instruments()) {
      rules.put(instrument, Rules.on(context.series(instrument, context.timeframe()), fast, slow));
    }
  }

  @Override
  public void onBar(Bar bar) {
    Rules on = rules.get(bar.instrument());
    if (on == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    int index = on.series().getEndIndex();
    if (on.up().isSatisfied(index)) {
      signal(bar, SignalAction.ENTER_LONG, "above", on, index);
    } else if (on.down().isSatisfied(index)) {
      signal(bar, SignalAction.EXIT_LONG, "below", on, index);
    }
  }

  private void signal(Bar bar, SignalAction action, String direction, Rules on, int index) {
    context.emit(
        bar,
        action,
        "SMA(" + fast + ") crossed " + direction + " SMA(" + slow + ")",
        Map.of(
            "fastSma", format(on.fastSma().getValue(index)),
            "slowSma", format(on.slowSma().getValue(index))));
  }

  private static String format(Num value) {
    return BigDecimal.valueOf(value.doubleValue())
        .setScale(4, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private record Rules(
      BarSeries series, Indicator<Num> fastSma, Indicator<Num> slowSma, Rule up, Rule down) {

    static Rules on(BarSeries series, int fast, int slow) {
      ClosePriceIndicator close = new ClosePriceIndicator(series);
      SMAIndicator fastSma = new SMAIndicator(close, fast);
      SMAIndicator slowSma = new SMAIndicator(close, slow);
      return new Rules(
          series,
          fastSma,
          slowSma,
          new CrossedUpIndicatorRule(fastSma, slowSma),
          new CrossedDownIndicatorRule(fastSma, slowSma));
    }
  }
}

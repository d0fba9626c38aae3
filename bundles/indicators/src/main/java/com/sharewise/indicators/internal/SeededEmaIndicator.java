package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RecursiveCachedIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * An exponential moving average seeded the textbook way: NaN until {@code period} input values
 * exist, then the simple average of those values, then {@code previous + alpha × (value −
 * previous)} on every later bar.
 *
 * <p>Why not ta4j's own {@code EMAIndicator} and {@code MMAIndicator}: in ta4j 0.22 they start one
 * bar later from a single raw input value, so their first values (and an RSI built on them) differ
 * from the ones Wilder, StockCharts and charting platforms publish until that seed has decayed.
 * Traders compare our charts with those, so we seed with the simple average.
 */
final class SeededEmaIndicator extends RecursiveCachedIndicator<Num> {

  private final Indicator<Num> input;
  private final SMAIndicator seed;
  private final Num alpha;
  private final int unstableBars;

  private SeededEmaIndicator(Indicator<Num> input, int period, Num alpha) {
    super(input);
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1, got " + period);
    }
    this.input = input;
    this.seed = new SMAIndicator(input, period);
    this.alpha = alpha;
    this.unstableBars = input.getCountOfUnstableBars() + period - 1;
  }

  /** The classic EMA: {@code alpha = 2 / (period + 1)}. */
  static SeededEmaIndicator ema(Indicator<Num> input, int period) {
    NumFactory num = input.getBarSeries().numFactory();
    return new SeededEmaIndicator(input, period, num.two().dividedBy(num.numOf(period + 1)));
  }

  /** Wilder's smoothing, as used by RSI and ATR: {@code alpha = 1 / period}. */
  static SeededEmaIndicator wilder(Indicator<Num> input, int period) {
    NumFactory num = input.getBarSeries().numFactory();
    return new SeededEmaIndicator(input, period, num.one().dividedBy(num.numOf(period)));
  }

  @Override
  protected Num calculate(int index) {
    int first = getBarSeries().getBeginIndex() + unstableBars;
    if (index < first) {
      return NaN.NaN;
    }
    Num previous = index == first ? NaN.NaN : getValue(index - 1);
    if (Num.isNaNOrNull(previous)) {
      return seed.getValue(index);
    }
    return previous.plus(input.getValue(index).minus(previous).multipliedBy(alpha));
  }

  @Override
  public int getCountOfUnstableBars() {
    return unstableBars;
  }
}

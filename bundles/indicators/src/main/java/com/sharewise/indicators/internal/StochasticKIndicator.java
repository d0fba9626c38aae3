package com.sharewise.indicators.internal;

import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * The raw stochastic %K: where the close sits in the high–low range of the last {@code period}
 * bars, {@code 100 × (close − lowest low) / (highest high − lowest low)}. When the range is empty
 * (nothing moved) it is 50, the neutral middle, as RSI is for a flat market. NaN until {@code
 * period} bars exist.
 */
final class StochasticKIndicator extends CachedIndicator<Num> {

  private final int period;

  StochasticKIndicator(BarSeries series, int period) {
    super(series);
    this.period = period;
  }

  @Override
  protected Num calculate(int index) {
    BarSeries series = getBarSeries();
    if (index < series.getBeginIndex() + getCountOfUnstableBars()) {
      return NaN.NaN;
    }
    Num highest = series.getBar(index - period + 1).getHighPrice();
    Num lowest = series.getBar(index - period + 1).getLowPrice();
    for (int j = index - period + 2; j <= index; j++) {
      highest = highest.max(series.getBar(j).getHighPrice());
      lowest = lowest.min(series.getBar(j).getLowPrice());
    }
    Num range = highest.minus(lowest);
    if (range.isZero()) {
      return series.numFactory().numOf(50);
    }
    return series
        .numFactory()
        .hundred()
        .multipliedBy(series.getBar(index).getClosePrice().minus(lowest))
        .dividedBy(range);
  }

  @Override
  public int getCountOfUnstableBars() {
    return period - 1;
  }
}

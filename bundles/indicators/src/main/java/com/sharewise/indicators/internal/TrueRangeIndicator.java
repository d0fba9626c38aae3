package com.sharewise.indicators.internal;

import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.Num;

/**
 * Wilder's true range: the largest of high − low, |high − previous close| and |low − previous
 * close|; on the first bar, which has no previous close, high − low.
 */
final class TrueRangeIndicator extends CachedIndicator<Num> {

  TrueRangeIndicator(BarSeries series) {
    super(series);
  }

  @Override
  protected Num calculate(int index) {
    BarSeries series = getBarSeries();
    Bar bar = series.getBar(index);
    Num range = bar.getHighPrice().minus(bar.getLowPrice());
    if (index <= series.getBeginIndex()) {
      return range;
    }
    Num previousClose = series.getBar(index - 1).getClosePrice();
    Num up = bar.getHighPrice().minus(previousClose).abs();
    Num down = bar.getLowPrice().minus(previousClose).abs();
    return range.max(up).max(down);
  }

  @Override
  public int getCountOfUnstableBars() {
    return 0;
  }
}

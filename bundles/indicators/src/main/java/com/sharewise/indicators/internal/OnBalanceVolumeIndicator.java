package com.sharewise.indicators.internal;

import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RecursiveCachedIndicator;
import org.ta4j.core.num.Num;

/**
 * Granville's on-balance volume: a running total that adds the bar's volume when the close rose,
 * subtracts it when the close fell and keeps it when unchanged; 0 on the first bar. Only its
 * changes mean something, not its level (which depends on where the series starts).
 */
final class OnBalanceVolumeIndicator extends RecursiveCachedIndicator<Num> {

  OnBalanceVolumeIndicator(BarSeries series) {
    super(series);
  }

  @Override
  protected Num calculate(int index) {
    BarSeries series = getBarSeries();
    if (index <= series.getBeginIndex()) {
      return series.numFactory().zero();
    }
    Num previous = getValue(index - 1);
    Num close = series.getBar(index).getClosePrice();
    Num previousClose = series.getBar(index - 1).getClosePrice();
    if (close.isGreaterThan(previousClose)) {
      return previous.plus(series.getBar(index).getVolume());
    }
    if (close.isLessThan(previousClose)) {
      return previous.minus(series.getBar(index).getVolume());
    }
    return previous;
  }

  @Override
  public int getCountOfUnstableBars() {
    return 0;
  }
}

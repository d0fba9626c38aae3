package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Linearly weighted moving average: the newest of {@code period} values weighs {@code period}, the
 * oldest 1, divided by {@code period (period + 1) / 2}. NaN until a full window exists (ta4j's
 * {@code WMAIndicator} averages over fewer bars during warm-up).
 */
final class WeightedMovingAverageIndicator extends CachedIndicator<Num> {

  private final Indicator<Num> input;
  private final int period;
  private final Num divisor;

  WeightedMovingAverageIndicator(Indicator<Num> input, int period) {
    super(input);
    this.input = input;
    this.period = period;
    NumFactory num = input.getBarSeries().numFactory();
    this.divisor = num.numOf(period * (period + 1L) / 2);
  }

  @Override
  protected Num calculate(int index) {
    if (index < getBarSeries().getBeginIndex() + getCountOfUnstableBars()) {
      return NaN.NaN;
    }
    NumFactory num = getBarSeries().numFactory();
    Num sum = num.zero();
    int weight = 1;
    for (int j = index - period + 1; j <= index; j++, weight++) {
      sum = sum.plus(num.numOf(weight).multipliedBy(input.getValue(j)));
    }
    return sum.dividedBy(divisor);
  }

  @Override
  public int getCountOfUnstableBars() {
    return input.getCountOfUnstableBars() + period - 1;
  }
}

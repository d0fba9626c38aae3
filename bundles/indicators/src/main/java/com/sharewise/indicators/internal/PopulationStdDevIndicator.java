package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Population standard deviation of the last {@code period} values (divide by {@code period}, as
 * Bollinger defined his bands), computed in two passes over the window (mean, then squared
 * deviations) so that a long series accumulates no rounding error. NaN until a full window exists.
 */
final class PopulationStdDevIndicator extends CachedIndicator<Num> {

  private final Indicator<Num> input;
  private final int period;

  PopulationStdDevIndicator(Indicator<Num> input, int period) {
    super(input);
    this.input = input;
    this.period = period;
  }

  @Override
  protected Num calculate(int index) {
    if (index < getBarSeries().getBeginIndex() + getCountOfUnstableBars()) {
      return NaN.NaN;
    }
    NumFactory num = getBarSeries().numFactory();
    Num count = num.numOf(period);
    Num sum = num.zero();
    for (int j = index - period + 1; j <= index; j++) {
      sum = sum.plus(input.getValue(j));
    }
    Num mean = sum.dividedBy(count);
    Num squares = num.zero();
    for (int j = index - period + 1; j <= index; j++) {
      Num deviation = input.getValue(j).minus(mean);
      squares = squares.plus(deviation.multipliedBy(deviation));
    }
    return squares.dividedBy(count).sqrt();
  }

  @Override
  public int getCountOfUnstableBars() {
    return input.getCountOfUnstableBars() + period - 1;
  }
}

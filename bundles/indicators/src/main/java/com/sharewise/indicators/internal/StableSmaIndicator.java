package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * ta4j's {@link SMAIndicator}, but NaN until a full window of {@code period} values exists.
 *
 * <p>ta4j averages over the bars it has during warm-up (a 200-bar SMA at bar 3 is a 4-bar average);
 * on a chart or in a rule that looks like a real value. NaN says "not enough data yet".
 */
final class StableSmaIndicator extends SMAIndicator {

  StableSmaIndicator(Indicator<Num> input, int period) {
    super(input, period);
  }

  @Override
  protected Num calculate(int index) {
    if (index < getBarSeries().getBeginIndex() + getCountOfUnstableBars()) {
      return NaN.NaN;
    }
    return super.calculate(index);
  }
}

package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/** {@code minuend − subtrahend}; NaN where either is NaN (MACD line and histogram). */
final class DifferenceIndicator extends CachedIndicator<Num> {

  private final Indicator<Num> minuend;
  private final Indicator<Num> subtrahend;

  DifferenceIndicator(Indicator<Num> minuend, Indicator<Num> subtrahend) {
    super(minuend);
    this.minuend = minuend;
    this.subtrahend = subtrahend;
  }

  @Override
  protected Num calculate(int index) {
    Num a = minuend.getValue(index);
    Num b = subtrahend.getValue(index);
    if (Num.isNaNOrNull(a) || Num.isNaNOrNull(b)) {
      return NaN.NaN;
    }
    return a.minus(b);
  }

  @Override
  public int getCountOfUnstableBars() {
    return Math.max(minuend.getCountOfUnstableBars(), subtrahend.getCountOfUnstableBars());
  }
}

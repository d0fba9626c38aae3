package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/** {@code middle + factor × width}: a Bollinger band (factor {@code k} or {@code −k}). */
final class BandIndicator extends CachedIndicator<Num> {

  private final Indicator<Num> middle;
  private final Indicator<Num> width;
  private final Num factor;

  BandIndicator(Indicator<Num> middle, Indicator<Num> width, double factor) {
    super(middle);
    this.middle = middle;
    this.width = width;
    this.factor = middle.getBarSeries().numFactory().numOf(factor);
  }

  @Override
  protected Num calculate(int index) {
    Num m = middle.getValue(index);
    Num w = width.getValue(index);
    if (Num.isNaNOrNull(m) || Num.isNaNOrNull(w)) {
      return NaN.NaN;
    }
    return m.plus(factor.multipliedBy(w));
  }

  @Override
  public int getCountOfUnstableBars() {
    return Math.max(middle.getCountOfUnstableBars(), width.getCountOfUnstableBars());
  }
}

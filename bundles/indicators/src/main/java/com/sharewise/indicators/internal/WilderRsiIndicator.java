package com.sharewise.indicators.internal;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.helpers.GainIndicator;
import org.ta4j.core.indicators.helpers.LossIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Wilder's Relative Strength Index: {@code 100 − 100 / (1 + averageGain / averageLoss)}, with both
 * averages seeded by the simple average of the first {@code period} changes and then smoothed with
 * {@code alpha = 1 / period} (see {@link SeededEmaIndicator}). The first value is at bar {@code
 * period}; earlier bars are NaN.
 *
 * <p>When nothing moved down the RSI is 100; when nothing moved at all it is 50 (neutral), so a
 * halted instrument does not look overbought or oversold.
 */
final class WilderRsiIndicator extends CachedIndicator<Num> {

  private final SeededEmaIndicator averageGain;
  private final SeededEmaIndicator averageLoss;
  private final Num fifty;
  private final Num hundred;

  WilderRsiIndicator(Indicator<Num> input, int period) {
    super(input);
    this.averageGain = SeededEmaIndicator.wilder(new GainIndicator(input), period);
    this.averageLoss = SeededEmaIndicator.wilder(new LossIndicator(input), period);
    NumFactory num = input.getBarSeries().numFactory();
    this.fifty = num.numOf(50);
    this.hundred = num.hundred();
  }

  @Override
  protected Num calculate(int index) {
    Num gain = averageGain.getValue(index);
    Num loss = averageLoss.getValue(index);
    if (Num.isNaNOrNull(gain) || Num.isNaNOrNull(loss)) {
      return NaN.NaN;
    }
    if (loss.isZero()) {
      return gain.isZero() ? fifty : hundred;
    }
    Num relativeStrength = gain.dividedBy(loss);
    return hundred.minus(
        hundred.dividedBy(relativeStrength.plus(getBarSeries().numFactory().one())));
  }

  @Override
  public int getCountOfUnstableBars() {
    return averageGain.getCountOfUnstableBars();
  }
}

package com.sharewise.indicators.internal;

import com.sharewise.api.market.Ist;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.RecursiveCachedIndicator;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * Volume-weighted average price anchored to the trading session: {@code Σ typical price × volume /
 * Σ volume} over the bars of the same IST calendar day (by each bar's begin time) up to this one,
 * with typical price {@code (high + low + close) / 3}. It starts afresh with the first bar of each
 * day. NaN while the session has traded no volume.
 */
final class SessionVwapIndicator extends CachedIndicator<Num> {

  private final SessionTotal priceVolume;
  private final SessionTotal volume;

  SessionVwapIndicator(BarSeries series) {
    super(series);
    this.priceVolume = new SessionTotal(series, true);
    this.volume = new SessionTotal(series, false);
  }

  @Override
  protected Num calculate(int index) {
    Num totalVolume = volume.getValue(index);
    if (totalVolume.isZero()) {
      return NaN.NaN;
    }
    return priceVolume.getValue(index).dividedBy(totalVolume);
  }

  @Override
  public int getCountOfUnstableBars() {
    return 0;
  }

  /** The running total of the session so far, of typical price × volume or of volume. */
  private static final class SessionTotal extends RecursiveCachedIndicator<Num> {
    private final boolean weighted;

    SessionTotal(BarSeries series, boolean weighted) {
      super(series);
      this.weighted = weighted;
    }

    @Override
    protected Num calculate(int index) {
      BarSeries series = getBarSeries();
      Bar bar = series.getBar(index);
      Num value =
          weighted
              ? bar.getHighPrice()
                  .plus(bar.getLowPrice())
                  .plus(bar.getClosePrice())
                  .dividedBy(series.numFactory().three())
                  .multipliedBy(bar.getVolume())
              : bar.getVolume();
      if (index <= series.getBeginIndex() || !sameSession(series, index - 1, index)) {
        return value;
      }
      return getValue(index - 1).plus(value);
    }

    private static boolean sameSession(BarSeries series, int a, int b) {
      return Ist.epochDay(series.getBar(a).getBeginTime().toEpochMilli())
          == Ist.epochDay(series.getBar(b).getBeginTime().toEpochMilli());
    }

    @Override
    public int getCountOfUnstableBars() {
      return 0;
    }
  }
}

package com.sharewise.api.indicator;

import com.sharewise.api.market.Bar;
import java.util.List;
import java.util.Objects;

/**
 * Bars as parallel primitive arrays, for {@link BatchIndicator}s: element {@code i} of every array
 * describes bar {@code i}, oldest first.
 *
 * <p>The arrays are shared, not copied (a million bars would otherwise be copied for every
 * indicator): an indicator must not modify them, and whoever made them must not modify them while
 * an indicator computes. {@code equals} compares array identity, as for any record of arrays.
 *
 * @param time the bar's open time ({@link Bar#openTime()}), epoch milliseconds, ascending
 * @param open first traded price
 * @param high highest traded price
 * @param low lowest traded price
 * @param close last traded price
 * @param volume traded quantity
 */
public record BarArrays(
    long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {

  public BarArrays {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(volume, "volume");
    int n = time.length;
    if (open.length != n
        || high.length != n
        || low.length != n
        || close.length != n
        || volume.length != n) {
      throw new IllegalArgumentException(
          "bar arrays differ in length: time "
              + n
              + ", open "
              + open.length
              + ", high "
              + high.length
              + ", low "
              + low.length
              + ", close "
              + close.length
              + ", volume "
              + volume.length);
    }
  }

  /** Copies {@code bars} (oldest first) into new arrays. */
  public static BarArrays of(List<Bar> bars) {
    int n = bars.size();
    long[] time = new long[n];
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    int i = 0;
    for (Bar bar : bars) {
      time[i] = bar.openTime().toEpochMilli();
      open[i] = bar.open();
      high[i] = bar.high();
      low[i] = bar.low();
      close[i] = bar.close();
      volume[i] = bar.volume();
      i++;
    }
    return new BarArrays(time, open, high, low, close, volume);
  }

  /** The number of bars. */
  public int size() {
    return time.length;
  }
}

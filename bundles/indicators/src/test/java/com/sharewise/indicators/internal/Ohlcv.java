package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Bars with open, high, low, close, volume and open times, as arrays (for the batch path and the
 * plain-Java references) and as a ta4j series (for the ta4j path).
 */
record Ohlcv(
    long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** NSE session open, 09:15 IST, of Monday 6 January 2025. */
  static final Instant FIRST_OPEN = Instant.parse("2025-01-06T03:45:00Z");

  BarArrays arrays() {
    return new BarArrays(time, open, high, low, close, volume);
  }

  int size() {
    return time.length;
  }

  /** One-minute bars (each bar's begin time is its open time). */
  BarSeries series() {
    BarSeries series =
        new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
    for (int i = 0; i < time.length; i++) {
      series
          .barBuilder()
          .timePeriod(MINUTE)
          .endTime(Instant.ofEpochMilli(time[i]).plus(MINUTE))
          .openPrice(open[i])
          .highPrice(high[i])
          .lowPrice(low[i])
          .closePrice(close[i])
          .volume(volume[i])
          .add();
    }
    return series;
  }

  /**
   * A deterministic random walk of one-minute bars over NSE sessions (375 bars a day from 09:15
   * IST, then the next day), with the awkward cases mixed in: unchanged closes, bars with no range
   * and bars with no volume.
   */
  static Ohlcv random(int n, long seed) {
    Random random = new Random(seed);
    long[] time = new long[n];
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    double price = 1500;
    for (int i = 0; i < n; i++) {
      int day = i / 375;
      int minute = i % 375;
      time[i] =
          FIRST_OPEN.plus(Duration.ofDays(day)).plus(MINUTE.multipliedBy(minute)).toEpochMilli();
      double o = price;
      double c = random.nextInt(10) == 0 ? o : Math.max(1, round(o + random.nextGaussian() * 3));
      boolean flat = random.nextInt(25) == 0;
      open[i] = o;
      close[i] = flat ? o : c;
      high[i] = flat ? o : round(Math.max(o, c) + Math.abs(random.nextGaussian()) * 2);
      low[i] =
          flat ? o : Math.max(0.05, round(Math.min(o, c) - Math.abs(random.nextGaussian()) * 2));
      volume[i] = random.nextInt(20) == 0 ? 0 : 100 + random.nextInt(50_000);
      price = close[i];
    }
    return new Ohlcv(time, open, high, low, close, volume);
  }

  /** Bars from explicit values; open = close, times one minute apart from {@link #FIRST_OPEN}. */
  static Ohlcv of(double[] high, double[] low, double[] close, double[] volume) {
    long[] time = new long[close.length];
    for (int i = 0; i < close.length; i++) {
      time[i] = FIRST_OPEN.plus(MINUTE.multipliedBy(i)).toEpochMilli();
    }
    return new Ohlcv(time, close.clone(), high, low, close, volume);
  }

  /** Bars at the given open times; open = close. */
  static Ohlcv at(Instant[] opens, double[] high, double[] low, double[] close, double[] volume) {
    long[] time = new long[opens.length];
    for (int i = 0; i < opens.length; i++) {
      time[i] = opens[i].toEpochMilli();
    }
    return new Ohlcv(time, close.clone(), high, low, close, volume);
  }

  private static double round(double price) {
    return Math.round(price * 20) / 20.0;
  }
}

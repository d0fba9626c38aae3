package com.sharewise.indicators.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/** Bar series and input data for indicator tests. */
final class TestSeries {

  /**
   * Closes from StockCharts ChartSchool's RSI worksheet (Wilder's method), the usual RSI example.
   */
  static final double[] RSI_WORKSHEET = {
    44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61,
    46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35,
    44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13
  };

  /** Closes from StockCharts ChartSchool's moving-average worksheet (10-day SMA and EMA). */
  static final double[] MOVING_AVERAGE_WORKSHEET = {
    22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38,
    22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.10, 23.33,
    22.68, 23.10, 22.40, 22.17
  };

  private TestSeries() {}

  /** The number types ta4j offers; indicators must give the same values with each. */
  static Stream<NumFactory> numFactories() {
    return Stream.of(DoubleNumFactory.getInstance(), DecimalNumFactory.getInstance());
  }

  /** One-minute bars whose OHLC all equal the given closes. */
  static BarSeries of(NumFactory numFactory, double... closes) {
    BarSeries series = new BaseBarSeriesBuilder().withNumFactory(numFactory).build();
    Instant end = Instant.parse("2025-01-06T03:46:00Z");
    for (double close : closes) {
      series
          .barBuilder()
          .timePeriod(Duration.ofMinutes(1))
          .endTime(end)
          .openPrice(close)
          .highPrice(close)
          .lowPrice(close)
          .closePrice(close)
          .volume(100)
          .add();
      end = end.plus(Duration.ofMinutes(1));
    }
    return series;
  }

  static BarSeries of(double... closes) {
    return of(DoubleNumFactory.getInstance(), closes);
  }

  /** A deterministic random walk, long enough to exercise ta4j's recursion pre-fill. */
  static double[] randomWalk(int length, long seed) {
    Random random = new Random(seed);
    double[] closes = new double[length];
    double price = 1500;
    for (int i = 0; i < length; i++) {
      price = Math.max(1, price + random.nextGaussian() * 12);
      closes[i] = Math.round(price * 20) / 20.0;
    }
    return closes;
  }
}

package com.sharewise.strategy.emarsitrend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.strategy.toolkit.Ema;
import org.junit.jupiter.api.Test;

/**
 * The EMA and RSI behind the signals give the values traders see on published worksheets and charts
 * (StockCharts ChartSchool), so a signal's attributes match the chart.
 */
class IndicatorValuesTest {

  /** StockCharts ChartSchool's moving-average worksheet. */
  private static final double[] MOVING_AVERAGE_WORKSHEET = {
    22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38,
    22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.10, 23.33,
    22.68, 23.10, 22.40, 22.17
  };

  /** Its 10-day EMA from bar 9, to the paisa. */
  private static final double[] EMA_10 = {
    22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51,
    23.53, 23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92
  };

  /** StockCharts ChartSchool's RSI worksheet (Wilder's method). */
  private static final double[] RSI_WORKSHEET = {
    44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61,
    46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35,
    44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13
  };

  /**
   * Its RSI(14) from bar 14, computed without rounding the intermediate averages (the worksheet
   * rounds them, which moves some values by up to 0.07).
   */
  private static final double[] RSI_14 = {
    70.46, 66.25, 66.48, 69.35, 66.29, 57.92, 62.88, 63.21, 56.01, 62.34, 54.67, 50.39, 40.02,
    41.49, 41.90, 45.50, 37.32, 33.09, 37.79
  };

  @Test
  void emaIsSeededWithTheSimpleAverageLikeTheWorksheet() {
    Ema ema = new Ema(10);

    for (int i = 0; i < MOVING_AVERAGE_WORKSHEET.length; i++) {
      double value = ema.add(MOVING_AVERAGE_WORKSHEET[i]);
      if (i < 9) {
        assertThat(value).as("bar %d", i).isNaN();
      } else {
        assertThat(value).as("bar %d", i).isCloseTo(EMA_10[i - 9], within(0.0051));
      }
    }
  }

  @Test
  void rsiFollowsWildersWorksheet() {
    WilderRsi rsi = new WilderRsi(14);

    for (int i = 0; i < RSI_WORKSHEET.length; i++) {
      double value = rsi.add(RSI_WORKSHEET[i]);
      if (i < 14) {
        assertThat(value).as("bar %d", i).isNaN();
      } else {
        assertThat(value).as("bar %d", i).isCloseTo(RSI_14[i - 14], within(0.0051));
      }
    }
  }

  @Test
  void rsiIsOneHundredWhenNothingFellAndFiftyWhenNothingMoved() {
    WilderRsi rising = new WilderRsi(2);
    WilderRsi flat = new WilderRsi(2);
    double risingValue = Double.NaN;
    double flatValue = Double.NaN;
    for (int i = 0; i < 4; i++) {
      risingValue = rising.add(10 + i);
      flatValue = flat.add(10);
    }

    assertThat(risingValue).isEqualTo(100);
    assertThat(flatValue).isEqualTo(50);
  }
}

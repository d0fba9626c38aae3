package com.sharewise.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Compares an indicator bar by bar with expected values; NaN expects "no value yet". */
final class IndicatorAssert {

  private IndicatorAssert() {}

  static void assertValues(Indicator<Num> indicator, double[] expected, double tolerance) {
    assertThat(indicator.getBarSeries().getBarCount()).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      Num actual = indicator.getValue(i);
      if (Double.isNaN(expected[i])) {
        assertThat(actual.isNaN()).as("bar %d is NaN, got %s", i, actual).isTrue();
      } else {
        assertThat(actual.doubleValue()).as("bar %d", i).isCloseTo(expected[i], within(tolerance));
      }
    }
  }

  /** Expected values: {@code leadingNaNs} NaNs followed by {@code values}. */
  static double[] nanThen(int leadingNaNs, double... values) {
    double[] out = new double[leadingNaNs + values.length];
    Arrays.fill(out, 0, leadingNaNs, Double.NaN);
    System.arraycopy(values, 0, out, leadingNaNs, values.length);
    return out;
  }
}

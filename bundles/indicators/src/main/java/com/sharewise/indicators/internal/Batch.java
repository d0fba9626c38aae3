package com.sharewise.indicators.internal;

import java.util.Arrays;

/**
 * Primitive-array versions of the building blocks the ta4j indicators in this package use, with the
 * same arithmetic in the same order, so the batch path and the ta4j path agree to the last bit or
 * nearly (ta4j's {@code DoubleNum} is a plain {@code double}; where it returns NaN for a division
 * by zero, so do these).
 *
 * <p>Each method fills an output array of the input's length with NaN where there is no value yet.
 */
final class Batch {

  private Batch() {}

  static double[] nans(int n) {
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  /**
   * Simple moving average of {@code x}, whose values are valid from index {@code from}: the first
   * value at {@code from + period - 1} sums its window, later ones update a running sum (add the
   * new value, subtract the one leaving), as ta4j's {@code SMAIndicator} does when read in order.
   */
  static double[] sma(double[] x, int from, int period) {
    int n = x.length;
    double[] out = nans(n);
    int first = from + period - 1;
    if (first >= n) {
      return out;
    }
    double sum = 0;
    for (int j = first - period + 1; j <= first; j++) {
      sum += x[j];
    }
    out[first] = sum / period;
    for (int i = first + 1; i < n; i++) {
      sum = sum + x[i] - x[i - period];
      out[i] = sum / period;
    }
    return out;
  }

  /**
   * Exponential smoothing seeded with the simple average, as {@link SeededEmaIndicator}: the first
   * value at {@code from + period - 1} is the mean of the first {@code period} valid inputs, then
   * {@code previous + (x - previous) * alpha}.
   */
  static double[] seededEma(double[] x, int from, int period, double alpha) {
    int n = x.length;
    double[] out = nans(n);
    int first = from + period - 1;
    if (first >= n) {
      return out;
    }
    double sum = 0;
    for (int j = first - period + 1; j <= first; j++) {
      sum += x[j];
    }
    double value = sum / period;
    out[first] = value;
    for (int i = first + 1; i < n; i++) {
      value = value + (x[i] - value) * alpha;
      out[i] = value;
    }
    return out;
  }

  /** The EMA's weight, {@code 2 / (period + 1)}. */
  static double emaAlpha(int period) {
    return 2.0 / (period + 1);
  }

  /** Wilder's weight, {@code 1 / period}. */
  static double wilderAlpha(int period) {
    return 1.0 / period;
  }

  /** {@code a - b}, NaN where either is NaN. */
  static double[] minus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }
}

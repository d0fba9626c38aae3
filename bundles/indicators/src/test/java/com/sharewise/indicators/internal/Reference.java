package com.sharewise.indicators.internal;

import java.util.Arrays;

/**
 * Textbook definitions on plain double arrays, written independently of ta4j, as the reference the
 * indicators are checked against. {@code NaN} marks bars without a value yet.
 */
final class Reference {

  private Reference() {}

  static double[] sma(double[] closes, int period) {
    double[] out = nans(closes.length);
    for (int i = period - 1; i < closes.length; i++) {
      double sum = 0;
      for (int j = i - period + 1; j <= i; j++) {
        sum += closes[j];
      }
      out[i] = sum / period;
    }
    return out;
  }

  /** EMA seeded with the SMA of the first {@code period} closes. */
  static double[] ema(double[] closes, int period) {
    double[] out = nans(closes.length);
    if (closes.length < period) {
      return out;
    }
    double alpha = 2.0 / (period + 1);
    out[period - 1] = sma(closes, period)[period - 1];
    for (int i = period; i < closes.length; i++) {
      out[i] = out[i - 1] + alpha * (closes[i] - out[i - 1]);
    }
    return out;
  }

  /** Wilder's RSI as in "New Concepts in Technical Trading Systems" (1978). */
  static double[] rsi(double[] closes, int period) {
    double[] out = nans(closes.length);
    if (closes.length <= period) {
      return out;
    }
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= period; i++) {
      double change = closes[i] - closes[i - 1];
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    gain /= period;
    loss /= period;
    out[period] = 100 - 100 / (1 + gain / loss);
    for (int i = period + 1; i < closes.length; i++) {
      double change = closes[i] - closes[i - 1];
      gain = (gain * (period - 1) + Math.max(change, 0)) / period;
      loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
      out[i] = 100 - 100 / (1 + gain / loss);
    }
    return out;
  }

  private static double[] nans(int length) {
    double[] out = new double[length];
    Arrays.fill(out, Double.NaN);
    return out;
  }
}

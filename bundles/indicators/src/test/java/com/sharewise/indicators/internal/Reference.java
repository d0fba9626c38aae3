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

  /** Linearly weighted: the newest of {@code period} closes weighs {@code period}, the oldest 1. */
  static double[] wma(double[] closes, int period) {
    double[] out = nans(closes.length);
    for (int i = period - 1; i < closes.length; i++) {
      double weighted = 0;
      double weights = 0;
      for (int back = 0; back < period; back++) {
        weighted += (period - back) * closes[i - back];
        weights += period - back;
      }
      out[i] = weighted / weights;
    }
    return out;
  }

  /** MACD line, signal and histogram with SMA-seeded EMAs. */
  static double[][] macd(double[] closes, int fast, int slow, int signal) {
    double[] fastEma = ema(closes, fast);
    double[] slowEma = ema(closes, slow);
    double[] line = nans(closes.length);
    for (int i = slow - 1; i < closes.length; i++) {
      line[i] = fastEma[i] - slowEma[i];
    }
    double[] signalLine = shiftedEma(line, slow - 1, signal);
    double[] histogram = nans(closes.length);
    for (int i = 0; i < closes.length; i++) {
      histogram[i] = line[i] - signalLine[i];
    }
    return new double[][] {line, signalLine, histogram};
  }

  /** Full stochastic: raw %K over {@code period}, smoothed by an SMA, and %D its SMA. */
  static double[][] stochastic(Ohlcv bars, int period, int smoothing, int dPeriod) {
    int n = bars.size();
    double[] raw = nans(n);
    for (int i = period - 1; i < n; i++) {
      double highest = Double.NEGATIVE_INFINITY;
      double lowest = Double.POSITIVE_INFINITY;
      for (int back = 0; back < period; back++) {
        highest = Math.max(highest, bars.high()[i - back]);
        lowest = Math.min(lowest, bars.low()[i - back]);
      }
      raw[i] = highest == lowest ? 50 : (bars.close()[i] - lowest) / (highest - lowest) * 100;
    }
    double[] k = shiftedSma(raw, period - 1, smoothing);
    double[] d = shiftedSma(k, period - 1 + smoothing - 1, dPeriod);
    return new double[][] {k, d};
  }

  /** Bollinger: SMA ± k population standard deviations (computed as E[x²] − mean²). */
  static double[][] bollinger(double[] closes, int period, double k) {
    double[] middle = sma(closes, period);
    double[] upper = nans(closes.length);
    double[] lower = nans(closes.length);
    for (int i = period - 1; i < closes.length; i++) {
      double squares = 0;
      for (int j = i - period + 1; j <= i; j++) {
        squares += closes[j] * closes[j];
      }
      double sd = Math.sqrt(Math.max(0, squares / period - middle[i] * middle[i]));
      upper[i] = middle[i] + k * sd;
      lower[i] = middle[i] - k * sd;
    }
    return new double[][] {middle, upper, lower};
  }

  /** Wilder's ATR: first the mean of {@code period} true ranges, then (prev × (n − 1) + TR) / n. */
  static double[] atr(Ohlcv bars, int period) {
    int n = bars.size();
    double[] trueRange = new double[n];
    for (int i = 0; i < n; i++) {
      double h = bars.high()[i];
      double l = bars.low()[i];
      trueRange[i] =
          i == 0
              ? h - l
              : Math.max(
                  h - l,
                  Math.max(Math.abs(h - bars.close()[i - 1]), Math.abs(l - bars.close()[i - 1])));
    }
    double[] out = nans(n);
    if (n < period) {
      return out;
    }
    double sum = 0;
    for (int i = 0; i < period; i++) {
      sum += trueRange[i];
    }
    out[period - 1] = sum / period;
    for (int i = period; i < n; i++) {
      out[i] = (out[i - 1] * (period - 1) + trueRange[i]) / period;
    }
    return out;
  }

  /** On-balance volume, starting at 0. */
  static double[] obv(Ohlcv bars) {
    double[] out = new double[bars.size()];
    for (int i = 1; i < out.length; i++) {
      double change = bars.close()[i] - bars.close()[i - 1];
      out[i] = out[i - 1] + Math.signum(change) * bars.volume()[i];
    }
    return out;
  }

  /** VWAP of typical prices per Asia/Kolkata calendar day (java.time's zone rules). */
  static double[] vwap(Ohlcv bars) {
    double[] out = nans(bars.size());
    java.time.LocalDate day = null;
    double priceVolume = 0;
    double volume = 0;
    for (int i = 0; i < out.length; i++) {
      java.time.LocalDate date =
          java.time.Instant.ofEpochMilli(bars.time()[i])
              .atZone(java.time.ZoneId.of("Asia/Kolkata"))
              .toLocalDate();
      if (!date.equals(day)) {
        day = date;
        priceVolume = 0;
        volume = 0;
      }
      double typical = (bars.high()[i] + bars.low()[i] + bars.close()[i]) / 3;
      priceVolume += typical * bars.volume()[i];
      volume += bars.volume()[i];
      if (volume > 0) {
        out[i] = priceVolume / volume;
      }
    }
    return out;
  }

  /** {@link #sma} of {@code values} whose first valid index is {@code from}. */
  private static double[] shiftedSma(double[] values, int from, int period) {
    return shift(sma(java.util.Arrays.copyOfRange(values, from, values.length), period), from);
  }

  /** {@link #ema} of {@code values} whose first valid index is {@code from}. */
  private static double[] shiftedEma(double[] values, int from, int period) {
    return shift(ema(java.util.Arrays.copyOfRange(values, from, values.length), period), from);
  }

  private static double[] shift(double[] values, int by) {
    double[] out = nans(values.length + by);
    System.arraycopy(values, 0, out, by, values.length);
    return out;
  }

  private static double[] nans(int length) {
    double[] out = new double[length];
    Arrays.fill(out, Double.NaN);
    return out;
  }
}

package com.sharewise.strategy.emarsitrend.internal;

/**
 * Wilder's Relative Strength Index fed one close at a time: {@code 100 − 100 / (1 + averageGain /
 * averageLoss)}, both averages seeded with the simple average of the first {@code period} changes
 * and then smoothed by {@code 1 / period}. NaN until {@code period} changes exist, i.e. for the
 * first {@code period} closes.
 *
 * <p>That is the definition Wilder published and charting platforms show. When nothing fell the RSI
 * is 100; when nothing moved at all it is 50, so a halted instrument looks neither overbought nor
 * oversold. Incremental and allocation-free; mutable, one per instrument, single-threaded.
 */
final class WilderRsi {

  private final int period;
  private boolean started;
  private double previousClose;
  private int changes;
  private double averageGain;
  private double averageLoss;
  private double value = Double.NaN;

  WilderRsi(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1, got " + period);
    }
    this.period = period;
  }

  /** Takes the next close and returns the RSI including it. */
  double add(double close) {
    if (!started) {
      started = true;
      previousClose = close;
      return value;
    }
    double change = close - previousClose;
    previousClose = close;
    double gain = change > 0 ? change : 0;
    double loss = change < 0 ? -change : 0;
    changes++;
    if (changes <= period) {
      // Until the seed is complete the averages hold plain sums.
      averageGain += gain;
      averageLoss += loss;
      if (changes < period) {
        return value;
      }
      averageGain /= period;
      averageLoss /= period;
    } else {
      averageGain += (gain - averageGain) / period;
      averageLoss += (loss - averageLoss) / period;
    }
    if (averageLoss == 0) {
      value = averageGain == 0 ? 50 : 100;
    } else {
      value = 100 - 100 / (1 + averageGain / averageLoss);
    }
    return value;
  }

  /** The current RSI, NaN during warm-up. */
  double value() {
    return value;
  }
}

package com.sharewise.strategy.toolkit;

/**
 * An exponential moving average fed one value at a time: NaN until {@code period} values have
 * arrived, then their simple average, then {@code previous + 2 / (period + 1) × (value −
 * previous)}.
 *
 * <p>Seeded with the simple average, as StockCharts, charting platforms and the platform's own EMA
 * indicator are, so the values in a signal match the chart the trader looks at. Incremental, with
 * no allocation, because a backtest feeds a strategy millions of bars a second. Mutable and not
 * thread-safe: one per instrument, used by the instance's single strategy thread.
 */
public final class Ema {

  private final int period;
  private final double alpha;
  private int count;
  private double sum;
  private double value = Double.NaN;

  public Ema(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1, got " + period);
    }
    this.period = period;
    this.alpha = 2.0 / (period + 1);
  }

  /** Takes the next value and returns the average including it. */
  public double add(double input) {
    if (count < period) {
      sum += input;
      count++;
      if (count == period) {
        value = sum / period;
      }
    } else {
      value += (input - value) * alpha;
    }
    return value;
  }

  /** The current average, NaN during warm-up. */
  public double value() {
    return value;
  }
}

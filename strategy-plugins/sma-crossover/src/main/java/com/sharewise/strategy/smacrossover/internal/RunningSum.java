package com.sharewise.strategy.smacrossover.internal;

/**
 * The sum of the newest {@code period} closes, kept up to date with one addition and one
 * subtraction per bar, together with a bound on how far it may lie from the exact sum.
 *
 * <p>A running sum drifts from the window's exact sum by a rounding error per update. The error is
 * tracked (each floating-point operation is off by at most half an ulp of its result), and once it
 * grows past a small fraction of the window's size the sum is recomputed from the closes, so the
 * bound stays tiny and {@link #tolerance} can say when a comparison of two averages is certain.
 * Mutable and not thread-safe: one per average and instrument.
 */
final class RunningSum {

  /** Half an ulp of 1: the largest relative error of one rounded operation. */
  private static final double UNIT = 0x1p-53;

  /** The error, relative to the window's size, at which the sum is recomputed. */
  private static final double RESYNC = 0x1p-36;

  private final int period;
  private double sum;
  private double magnitude;
  private double error;

  RunningSum(int period) {
    this.period = period;
  }

  int period() {
    return period;
  }

  /**
   * Takes the newest close of {@code closes}; the one {@code period} bars before it leaves the
   * window once the window is full.
   */
  void update(Closes closes) {
    double entering = closes.back(0);
    sum += entering;
    magnitude += Math.abs(entering);
    error += UNIT * (Math.abs(sum) + magnitude);
    if (closes.count() > period) {
      double leaving = closes.back(period);
      sum -= leaving;
      magnitude -= Math.abs(leaving);
      error += UNIT * (Math.abs(sum) + magnitude);
    }
    if (error > RESYNC * magnitude && closes.count() >= period) {
      resync(closes);
    }
  }

  /** The average of the window, within {@link #tolerance} of ta4j's (and of the exact) one. */
  double average() {
    return sum / period;
  }

  /**
   * How far {@link #average} may lie from the exact average of the window plus how far ta4j's
   * average (the window summed afresh, then divided) may lie from it: the running error, the
   * rounding of summing {@code period} closes one by one, and a few roundings more, doubled to
   * spare any doubt. Differences of averages larger than the sum of two tolerances have the sign of
   * the exact difference, whatever the rounding.
   */
  double tolerance() {
    return (error + 2 * (period + 4) * UNIT * magnitude) / period;
  }

  private void resync(Closes closes) {
    double fresh = 0;
    double size = 0;
    for (int bars = period - 1; bars >= 0; bars--) {
      double close = closes.back(bars);
      fresh += close;
      size += Math.abs(close);
    }
    sum = fresh;
    magnitude = size;
    error = (period + 1) * UNIT * size;
  }
}

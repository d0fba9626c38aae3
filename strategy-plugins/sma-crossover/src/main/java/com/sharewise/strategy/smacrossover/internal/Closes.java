package com.sharewise.strategy.smacrossover.internal;

/**
 * The last closes of one instrument in a ring buffer: as many as the slow average covers, plus the
 * one that just left it. Mutable and not thread-safe: one per instrument, used by the instance's
 * single strategy thread.
 */
final class Closes {

  private final double[] values;
  private int newest = -1;
  private long count;

  /**
   * @param capacity how many of the latest closes {@link #back} can reach
   */
  Closes(int capacity) {
    this.values = new double[capacity];
  }

  void add(double close) {
    newest = newest + 1 == values.length ? 0 : newest + 1;
    values[newest] = close;
    count++;
  }

  /** How many closes were added in all. */
  long count() {
    return count;
  }

  /** The close {@code bars} before the newest one ({@code back(0)} is the newest). */
  double back(int bars) {
    int i = newest - bars;
    return values[i < 0 ? i + values.length : i];
  }

  /**
   * The sum of the newest {@code period} closes added one by one from the oldest, starting at zero:
   * the same double, rounding and all, as ta4j's {@code RunningTotalIndicator} gives when it sums a
   * window afresh.
   */
  double sum(int period) {
    double sum = 0;
    for (int bars = period - 1; bars >= 0; bars--) {
      sum += back(bars);
    }
    return sum;
  }
}

package com.sharewise.strategy.smacrossover.internal;

import org.ta4j.core.BarSeries;

/**
 * The fast and slow simple moving averages of one instrument's close and whether they crossed at
 * the newest bar, advanced one bar at a time over the platform's series: a ring buffer of closes
 * and two running sums, nothing allocated per bar.
 *
 * <h2>The same signals as ta4j</h2>
 *
 * The plugin used to ask ta4j's {@code CrossedUpIndicatorRule} and {@code CrossedDownIndicatorRule}
 * over two {@code SMAIndicator}s of {@code DoubleNum}s. Closes on a tick grid make the two averages
 * exactly equal now and then, and which side such a tie falls on depends on how the averages were
 * rounded, so this class reproduces ta4j's arithmetic where it matters instead of just comparing
 * running sums:
 *
 * <ul>
 *   <li>A crossing is a change of sign of fast − slow at the newest bar against the last earlier
 *       bar on which the averages differed, looking back no further than the first bar with a full
 *       slow window; a bar on which they are equal neither crosses nor forgets the side.
 *   <li>ta4j's average of an earlier bar, and of the newest bar in general, is its window summed
 *       afresh from the oldest close and divided by the period ({@link Closes#sum}). The running
 *       sums decide the sign whenever the difference is beyond their {@link RunningSum#tolerance};
 *       only near a tie is the window summed afresh.
 *   <li>When the newest bar's averages were equal, ta4j computes the next bar's sums by adding the
 *       new close to and subtracting the leaving close from that bar's sums, not afresh. That is
 *       reproduced too ({@link #tie}).
 * </ul>
 *
 * <p>Mutable and not thread-safe: one per instrument, used by the instance's single strategy
 * thread.
 */
final class Crossing {

  /** What the newest bar did. */
  enum Event {
    NONE,
    /** The fast average crossed above the slow one. */
    UP,
    /** The fast average crossed below the slow one. */
    DOWN
  }

  private final BarSeries series;
  private final Closes closes;
  private final RunningSum fast;
  private final RunningSum slow;

  /** The index of the first bar of the series not read yet. */
  private int nextIndex;

  /**
   * The sign of fast − slow on the last bar read on which ta4j's averages differed; 0: none yet.
   */
  private int side;

  /** The series index of the last newest bar whose averages were equal, or -1. */
  private int tie = -1;

  /** The sums ta4j used at the newest bar evaluated, NaN when they are its window summed afresh. */
  private double fastSum = Double.NaN;

  private double slowSum = Double.NaN;

  Crossing(BarSeries series, int fastPeriod, int slowPeriod) {
    this.series = series;
    this.closes = new Closes(slowPeriod + 1);
    this.fast = new RunningSum(fastPeriod);
    this.slow = new RunningSum(slowPeriod);
  }

  /**
   * Reads every bar of the series not read yet, without judging any: history loaded before the
   * instance started only warms the averages up.
   */
  void catchUp() {
    advance(false);
  }

  /**
   * Reads every bar not read yet and returns whether the newest one crossed; {@link Event#NONE}
   * when there was no new bar.
   */
  Event next() {
    return advance(true);
  }

  /** The fast average at the newest bar judged, as ta4j computes it. */
  double fastAverage() {
    return (Double.isNaN(fastSum) ? closes.sum(fast.period()) : fastSum) / fast.period();
  }

  /** The slow average at the newest bar judged, as ta4j computes it. */
  double slowAverage() {
    return (Double.isNaN(slowSum) ? closes.sum(slow.period()) : slowSum) / slow.period();
  }

  private Event advance(boolean judge) {
    int end = series.getEndIndex();
    // bars a bounded series dropped before they were read cannot be read any more
    int index = Math.max(nextIndex, series.getBeginIndex());
    Event event = Event.NONE;
    for (; index <= end; index++) {
      closes.add(series.getBar(index).getClosePrice().doubleValue());
      fast.update(closes);
      slow.update(closes);
      if (closes.count() < slow.period()) {
        continue; // no slow average yet: nothing to compare
      }
      int fresh = freshSign();
      if (judge && index == end && closes.count() > slow.period()) {
        event = judge(index, fresh);
      }
      if (fresh != 0) {
        side = fresh;
      }
    }
    nextIndex = Math.max(nextIndex, end + 1);
    return event;
  }

  /** Whether the newest bar, at {@code index}, crossed against the side before it. */
  private Event judge(int index, int fresh) {
    int now;
    if (tie == index - 1) {
      double close = closes.back(0);
      fastSum = fastSum + close - closes.back(fast.period());
      slowSum = slowSum + close - closes.back(slow.period());
      now = sign(fastSum / fast.period(), slowSum / slow.period());
    } else {
      fastSum = Double.NaN;
      slowSum = Double.NaN;
      now = fresh;
    }
    if (now == 0) {
      tie(index);
      return Event.NONE;
    }
    if (now > 0 && side < 0) {
      return Event.UP;
    }
    return now < 0 && side > 0 ? Event.DOWN : Event.NONE;
  }

  /**
   * The averages were equal at the newest bar: ta4j then looked no further back, and its running
   * totals go on from this bar's sums at the next bar, so keep them.
   */
  private void tie(int index) {
    if (Double.isNaN(fastSum)) {
      fastSum = closes.sum(fast.period());
      slowSum = closes.sum(slow.period());
    }
    tie = index;
  }

  /** The sign of fast − slow as ta4j sees it for a window summed afresh. */
  private int freshSign() {
    double difference = fast.average() - slow.average();
    double tolerance = fast.tolerance() + slow.tolerance();
    if (difference > tolerance) {
      return 1;
    }
    if (difference < -tolerance) {
      return -1;
    }
    return sign(
        closes.sum(fast.period()) / fast.period(), closes.sum(slow.period()) / slow.period());
  }

  private static int sign(double fastAverage, double slowAverage) {
    return fastAverage > slowAverage ? 1 : fastAverage < slowAverage ? -1 : 0;
  }
}

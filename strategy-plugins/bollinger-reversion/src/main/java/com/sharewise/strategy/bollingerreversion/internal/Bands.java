package com.sharewise.strategy.bollingerreversion.internal;

import org.ta4j.core.BarSeries;

/**
 * The strategy's view of one instrument: Bollinger Bands of the close and the position the
 * strategy's own signals imply, advanced bar by bar over the platform's series.
 *
 * <p>Middle band = simple average of the last {@code period} closes; upper and lower = middle ± k
 * population standard deviations (divided by {@code period}, as Bollinger defined them and the
 * platform's chart draws them). The window lives in a ring buffer and is summed oldest first in two
 * passes (mean, then squared deviations) on every bar: O(period) with no allocation, and, unlike
 * running sums, no rounding error that grows over a long backtest.
 *
 * <p>Everything is derived from the series alone, so an instance created on a reloaded series after
 * a restart ends up in the same state. Each bar is read once, in index order: the platform only
 * appends closed bars, which never change.
 */
final class Bands {

  /** What the last bar did. */
  enum Event {
    NONE,
    /** The close dropped below the lower band while flat. */
    ENTER,
    /** The close reached the target band while long. */
    EXIT_TARGET,
    /** The close fell to the stop while long. */
    EXIT_STOP
  }

  private final BarSeries series;
  private final int period;
  private final double k;
  private final Settings.Target target;
  private final double stopFraction;
  private final double[] window;

  /** The index of the first bar not read yet (an empty series begins and ends at -1). */
  private int nextIndex;

  /** Where the next close goes in {@link #window}; also its oldest close once it is full. */
  private int slot;

  private int count;
  private double middle = Double.NaN;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double previousClose = Double.NaN;
  private double previousLower = Double.NaN;
  private boolean holding;
  private double entryPrice = Double.NaN;

  Bands(BarSeries series, Settings settings) {
    this.series = series;
    this.period = settings.period();
    this.k = settings.k();
    this.target = settings.exitAt();
    this.stopFraction = settings.stopPercent() / 100;
    this.window = new double[period];
  }

  /**
   * Reads every bar of the series not read yet and returns what the last one did; {@link
   * Event#NONE} if there was none. Events of earlier bars are history and dropped.
   */
  Event catchUp() {
    int end = series.getEndIndex();
    // Bars a bounded series dropped before we read them cannot be read any more.
    int index = Math.max(nextIndex, series.getBeginIndex());
    Event event = Event.NONE;
    for (; index <= end; index++) {
      event = advance(series.getBar(index).getClosePrice().doubleValue());
    }
    nextIndex = Math.max(nextIndex, end + 1);
    return event;
  }

  private Event advance(double close) {
    updateBands(close);
    Event event = Event.NONE;
    if (holding) {
      if (stopFraction > 0 && close <= entryPrice * (1 - stopFraction)) {
        event = Event.EXIT_STOP;
      } else if (target == Settings.Target.MIDDLE ? close >= middle : close > upper) {
        event = Event.EXIT_TARGET;
      }
      if (event != Event.NONE) {
        holding = false;
      }
    } else if (close < lower && previousClose >= previousLower) {
      // Only a drop through the band enters (NaN during warm-up compares false): a close that
      // stays below it after a stop-out does not buy the same falling knife again.
      holding = true;
      entryPrice = close;
      event = Event.ENTER;
    }
    previousClose = close;
    previousLower = lower;
    return event;
  }

  private void updateBands(double close) {
    window[slot] = close;
    slot = slot + 1 == period ? 0 : slot + 1;
    if (count < period) {
      count++;
      if (count < period) {
        return;
      }
    }
    double sum = 0;
    for (int i = 0; i < period; i++) {
      sum += window[(slot + i) % period];
    }
    double mean = sum / period;
    double squares = 0;
    for (int i = 0; i < period; i++) {
      double deviation = window[(slot + i) % period] - mean;
      squares += deviation * deviation;
    }
    double width = k * Math.sqrt(squares / period);
    middle = mean;
    upper = mean + width;
    lower = mean - width;
  }

  double middle() {
    return middle;
  }

  double upper() {
    return upper;
  }

  double lower() {
    return lower;
  }

  /** The close of the last entry, NaN before the first. */
  double entryPrice() {
    return entryPrice;
  }
}

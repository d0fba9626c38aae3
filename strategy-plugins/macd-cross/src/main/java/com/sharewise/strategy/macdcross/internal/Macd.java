package com.sharewise.strategy.macdcross.internal;

import com.sharewise.strategy.toolkit.Ema;
import com.sharewise.strategy.toolkit.SignChange;
import org.ta4j.core.BarSeries;

/**
 * The strategy's view of one instrument: Appel's MACD of the close and the position the strategy's
 * own signals imply, advanced bar by bar over the platform's series.
 *
 * <p>MACD line = EMA(fast) − EMA(slow), from the bar on which the slow EMA has its first value;
 * signal line = EMA(signal) of the MACD line, seeded with the average of its first {@code signal}
 * values; histogram = MACD − signal. Every EMA is seeded with a simple average, as charting
 * platforms do, so the values in a signal match the chart.
 *
 * <p>Everything is derived from the series alone, so an instance created on a reloaded series after
 * a restart ends up in the same state. Each bar is read once, in index order: the platform only
 * appends closed bars, which never change.
 */
final class Macd {

  /** What the last bar did. */
  enum Event {
    NONE,
    /** The MACD line crossed above the signal line while flat (and below zero, if required). */
    ENTER,
    /** The MACD line crossed above the signal line at or above zero, which was not wanted. */
    ENTRY_FILTERED,
    /** The MACD line crossed below the signal line while long. */
    EXIT
  }

  private final BarSeries series;
  private final boolean onlyBelowZero;
  private final Ema fast;
  private final Ema slow;
  private final Ema signal;
  private final SignChange crossing = new SignChange();

  /** The index of the first bar not read yet (an empty series begins and ends at -1). */
  private int nextIndex;

  private boolean holding;
  private double macd = Double.NaN;

  Macd(BarSeries series, Settings settings) {
    this.series = series;
    this.onlyBelowZero = settings.onlyBelowZero();
    this.fast = new Ema(settings.fast());
    this.slow = new Ema(settings.slow());
    this.signal = new Ema(settings.signal());
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
    macd = fast.add(close) - slow.add(close);
    if (Double.isNaN(macd)) {
      return Event.NONE;
    }
    int crossed = crossing.update(macd - signal.add(macd));
    if (holding && crossed == SignChange.DOWN) {
      holding = false;
      return Event.EXIT;
    }
    if (!holding && crossed == SignChange.UP) {
      if (onlyBelowZero && !(macd < 0)) {
        return Event.ENTRY_FILTERED;
      }
      holding = true;
      return Event.ENTER;
    }
    return Event.NONE;
  }

  double macd() {
    return macd;
  }

  double signal() {
    return signal.value();
  }
}

package com.sharewise.strategy.emarsitrend.internal;

import com.sharewise.strategy.toolkit.Ema;
import com.sharewise.strategy.toolkit.SignChange;
import org.ta4j.core.BarSeries;

/**
 * The strategy's view of one instrument: its EMAs, RSI and the position its own signals imply,
 * advanced bar by bar over the platform's series.
 *
 * <p>Everything here is derived from the series alone (no clock, no fills), so an instance created
 * on a reloaded series after a restart ends up in the same state. Each bar is read exactly once, in
 * index order: the platform only appends closed bars, which never change.
 */
final class Trend {

  /** What the last bar did. */
  enum Event {
    NONE,
    /** Fast EMA crossed above slow EMA with RSI below the entry maximum, while flat. */
    ENTER,
    /** Fast EMA crossed above slow EMA, but RSI was at or above the entry maximum. */
    ENTRY_FILTERED,
    /** Fast EMA crossed below slow EMA while long. */
    EXIT_CROSS,
    /** RSI rose above the exit level while long. */
    EXIT_RSI
  }

  private final BarSeries series;
  private final double rsiMax;
  private final double rsiExit;
  private final Ema fast;
  private final Ema slow;
  private final WilderRsi rsi;
  private final SignChange crossing = new SignChange();

  /** The index of the first bar not read yet (an empty series begins and ends at -1). */
  private int nextIndex;

  private boolean holding;

  Trend(BarSeries series, Settings settings) {
    this.series = series;
    this.rsiMax = settings.rsiMax();
    this.rsiExit = settings.rsiExit();
    this.fast = new Ema(settings.fastPeriod());
    this.slow = new Ema(settings.slowPeriod());
    this.rsi = new WilderRsi(settings.rsiPeriod());
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
    int crossed = crossing.update(fast.add(close) - slow.add(close));
    double strength = rsi.add(close);
    if (holding) {
      if (crossed == SignChange.DOWN) {
        holding = false;
        return Event.EXIT_CROSS;
      }
      if (strength > rsiExit) {
        holding = false;
        return Event.EXIT_RSI;
      }
      return Event.NONE;
    }
    if (crossed == SignChange.UP) {
      // NaN (RSI still warming up) is not "below the maximum": no entry without a filter value.
      if (strength < rsiMax) {
        holding = true;
        return Event.ENTER;
      }
      return Event.ENTRY_FILTERED;
    }
    return Event.NONE;
  }

  double fastEma() {
    return fast.value();
  }

  double slowEma() {
    return slow.value();
  }

  double rsi() {
    return rsi.value();
  }
}

package com.sharewise.strategy.openingrangebreakout.internal;

import com.sharewise.api.market.Ist;
import com.sharewise.api.strategy.SignalAction;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * The strategy's view of one instrument's trading day: the opening range, the session VWAP, which
 * sides have been entered and the position the strategy's own signals imply; advanced bar by bar
 * over the platform's series.
 *
 * <p>A session is an IST calendar day, taken from each bar's end time. Every bar of the day
 * contributes {@code (high + low + close) / 3 × volume} to the VWAP, which starts afresh each day.
 * Bars inside {@code [09:15, 09:15 + rangeMinutes]} form the range; bars ending after it and before
 * the square-off time may trade; from the square-off time on, positions are closed and nothing is
 * entered.
 *
 * <p>Everything is derived from the series alone, so an instance created on a reloaded series
 * mid-session (after a restart) knows which sides it has already entered and squares off the
 * position it holds. Each bar is read once, in index order: the platform only appends closed bars,
 * which never change. Up to two signals per bar (an exit, then an entry) are reported through
 * {@link #exit()} and {@link #entry()}, so nothing is allocated per bar.
 */
final class Session {

  /** Why a position was closed. */
  enum ExitCause {
    /** The close broke out of the range the other way (and through VWAP). */
    REVERSAL,
    /** The square-off time was reached. */
    SQUARE_OFF,
    /** A new session began while the previous one's position was open (no bar at square-off). */
    NEW_SESSION
  }

  private final BarSeries series;
  private final long barSeconds;
  private final int rangeEnd;
  private final int squareOff;
  private final boolean allowShort;

  /** The index of the first bar not read yet (an empty series begins and ends at -1). */
  private int nextIndex;

  private long day = Long.MIN_VALUE;
  private double rangeHigh;
  private double rangeLow;
  private double priceVolume;
  private double volume;
  private boolean longEntered;
  private boolean shortEntered;

  /** +1 long, -1 short, 0 flat. */
  private int position;

  private long positionDay;
  private SignalAction exit;
  private ExitCause exitCause;
  private long exitPositionDay;
  private SignalAction entry;

  Session(BarSeries series, long barSeconds, Settings settings) {
    this.series = series;
    this.barSeconds = barSeconds;
    this.rangeEnd = settings.rangeEnd();
    this.squareOff = settings.squareOff();
    this.allowShort = settings.allowShort();
    startDay(Long.MIN_VALUE);
  }

  /**
   * Reads every bar of the series not read yet; afterwards {@link #exit()} and {@link #entry()}
   * tell what the last one did (both null if there was no new bar). Signals of earlier bars are
   * history and dropped.
   */
  void catchUp() {
    exit = null;
    entry = null;
    int end = series.getEndIndex();
    // Bars a bounded series dropped before we read them cannot be read any more.
    for (int index = Math.max(nextIndex, series.getBeginIndex()); index <= end; index++) {
      advance(series.getBar(index));
    }
    nextIndex = Math.max(nextIndex, end + 1);
  }

  private void advance(Bar bar) {
    exit = null;
    entry = null;
    long endTime = bar.getEndTime().toEpochMilli();
    long barDay = Ist.epochDay(endTime);
    if (barDay != day) {
      if (position != 0) {
        close(ExitCause.NEW_SESSION);
      }
      startDay(barDay);
    }
    double high = bar.getHighPrice().doubleValue();
    double low = bar.getLowPrice().doubleValue();
    double close = bar.getClosePrice().doubleValue();
    double traded = bar.getVolume().doubleValue();
    priceVolume += (high + low + close) / 3 * traded;
    volume += traded;

    int second = (int) (Ist.millisOfDay(endTime) / 1000);
    if (second - barSeconds >= IstTime.SESSION_OPEN && second <= rangeEnd) {
      rangeHigh = Math.max(rangeHigh, high);
      rangeLow = Math.min(rangeLow, low);
      return;
    }
    if (second >= squareOff) {
      if (position != 0) {
        close(ExitCause.SQUARE_OFF);
      }
      return;
    }
    // Before the range is complete, or when no bar fell inside it, there is nothing to break.
    if (second <= rangeEnd || rangeHigh < rangeLow) {
      return;
    }
    double vwap = vwap();
    if (close > rangeHigh && close > vwap) {
      if (position < 0) {
        close(ExitCause.REVERSAL);
      }
      if (!longEntered) {
        open(SignalAction.ENTER_LONG, 1);
        longEntered = true;
      }
    } else if (close < rangeLow && close < vwap) {
      if (position > 0) {
        close(ExitCause.REVERSAL);
      }
      if (allowShort && !shortEntered) {
        open(SignalAction.ENTER_SHORT, -1);
        shortEntered = true;
      }
    }
  }

  private void startDay(long newDay) {
    day = newDay;
    rangeHigh = Double.NEGATIVE_INFINITY;
    rangeLow = Double.POSITIVE_INFINITY;
    priceVolume = 0;
    volume = 0;
    longEntered = false;
    shortEntered = false;
  }

  private void open(SignalAction action, int side) {
    entry = action;
    position = side;
    positionDay = day;
  }

  private void close(ExitCause cause) {
    exit = position > 0 ? SignalAction.EXIT_LONG : SignalAction.EXIT_SHORT;
    exitCause = cause;
    exitPositionDay = positionDay;
    position = 0;
  }

  /** The exit the last bar signalled, or null. */
  SignalAction exit() {
    return exit;
  }

  /** Why, if {@link #exit()} is not null. */
  ExitCause exitCause() {
    return exitCause;
  }

  /** The IST day (days since 1970-01-01) the position closed by {@link #exit()} was opened. */
  long exitPositionDay() {
    return exitPositionDay;
  }

  /** The entry the last bar signalled, or null. */
  SignalAction entry() {
    return entry;
  }

  /** The opening range's high, NaN while the session has none. */
  double rangeHigh() {
    return rangeHigh < rangeLow ? Double.NaN : rangeHigh;
  }

  /** The opening range's low, NaN while the session has none. */
  double rangeLow() {
    return rangeHigh < rangeLow ? Double.NaN : rangeLow;
  }

  /** The session VWAP so far, NaN while nothing has traded. */
  double vwap() {
    return volume > 0 ? priceVolume / volume : Double.NaN;
  }
}

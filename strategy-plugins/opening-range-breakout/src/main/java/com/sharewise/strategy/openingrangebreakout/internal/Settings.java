package com.sharewise.strategy.openingrangebreakout.internal;

import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated parameter values of one instance.
 *
 * @param rangeMinutes minutes after 09:15 IST that make up the opening range
 * @param squareOff seconds after IST midnight from which open positions are closed and nothing is
 *     entered
 * @param allowShort whether a breakout below the range enters short
 */
record Settings(int rangeMinutes, int squareOff, boolean allowShort) {

  private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");

  /**
   * Reads and cross-checks the values.
   *
   * @throws ParameterException naming {@code squareOff} unless it is an {@code HH:mm} time after
   *     the opening range and no later than the 15:30 close
   */
  static Settings of(Parameters parameters) {
    int rangeMinutes = parameters.getInt(OpeningRangeBreakoutStrategyFactory.RANGE_MINUTES);
    String text = parameters.getText(OpeningRangeBreakoutStrategyFactory.SQUARE_OFF);
    Matcher clock = CLOCK.matcher(text);
    if (!clock.matches()) {
      throw new ParameterException(
          OpeningRangeBreakoutStrategyFactory.SQUARE_OFF,
          "squareOff must be a time of day as HH:mm in IST, e.g. 15:15, got '" + text + "'");
    }
    int squareOff = Integer.parseInt(clock.group(1)) * 3600 + Integer.parseInt(clock.group(2)) * 60;
    int rangeEnd = IstTime.SESSION_OPEN + rangeMinutes * 60;
    if (squareOff <= rangeEnd || squareOff > IstTime.SESSION_CLOSE) {
      throw new ParameterException(
          OpeningRangeBreakoutStrategyFactory.SQUARE_OFF,
          "squareOff ("
              + text
              + ") must be after the opening range ends ("
              + IstTime.clock(rangeEnd)
              + ") and no later than the market close ("
              + IstTime.clock(IstTime.SESSION_CLOSE)
              + ")");
    }
    return new Settings(
        rangeMinutes,
        squareOff,
        parameters.getBoolean(OpeningRangeBreakoutStrategyFactory.ALLOW_SHORT));
  }

  /**
   * Checks that the instance's bars can delimit the range.
   *
   * @throws IllegalArgumentException for daily bars, which have no opening range
   * @throws ParameterException naming {@code rangeMinutes} unless it is a whole number of bars
   */
  void checkTimeframe(Timeframe timeframe) {
    long barMinutes = timeframe.duration().toMinutes();
    if (timeframe == Timeframe.D1) {
      throw new IllegalArgumentException(
          "opening-range-breakout needs intraday bars (1m to 1h), not " + timeframe.label());
    }
    if (rangeMinutes % barMinutes != 0) {
      throw new ParameterException(
          OpeningRangeBreakoutStrategyFactory.RANGE_MINUTES,
          "rangeMinutes ("
              + rangeMinutes
              + ") must be a whole number of "
              + timeframe.label()
              + " bars");
    }
  }

  /** The end of the opening range in seconds after IST midnight. */
  int rangeEnd() {
    return IstTime.SESSION_OPEN + rangeMinutes * 60;
  }

  /** The opening range as a trader reads it, e.g. {@code 09:15-09:30}. */
  String rangeLabel() {
    return IstTime.clock(IstTime.SESSION_OPEN) + "-" + IstTime.clock(rangeEnd());
  }
}

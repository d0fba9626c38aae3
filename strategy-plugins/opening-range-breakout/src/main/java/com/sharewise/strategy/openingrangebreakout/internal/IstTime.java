package com.sharewise.strategy.openingrangebreakout.internal;

import java.util.Locale;

/**
 * NSE session times in India Standard Time, computed from epoch seconds.
 *
 * <p>Asia/Kolkata has kept a fixed UTC+05:30 offset without daylight saving since 1945, so plain
 * arithmetic gives the same answer as {@code java.time} zone rules without allocating a {@code
 * ZonedDateTime} per bar, which matters when a backtest pushes millions of bars a second.
 */
final class IstTime {

  static final int SECONDS_PER_DAY = 86_400;

  /** UTC+05:30. */
  static final int OFFSET_SECONDS = 5 * 3600 + 30 * 60;

  /** 09:15 IST, the start of NSE's normal market. */
  static final int SESSION_OPEN = 9 * 3600 + 15 * 60;

  /** 15:30 IST, its end. */
  static final int SESSION_CLOSE = 15 * 3600 + 30 * 60;

  private IstTime() {}

  /** The IST calendar day of an instant, as days since 1970-01-01. */
  static long day(long epochSecond) {
    return Math.floorDiv(epochSecond + OFFSET_SECONDS, SECONDS_PER_DAY);
  }

  /** Seconds since IST midnight of an instant's day. */
  static int secondOfDay(long epochSecond) {
    return (int) Math.floorMod(epochSecond + OFFSET_SECONDS, SECONDS_PER_DAY);
  }

  /** {@code HH:mm} of a second of the day. */
  static String clock(int secondOfDay) {
    int minutes = secondOfDay / 60;
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }
}

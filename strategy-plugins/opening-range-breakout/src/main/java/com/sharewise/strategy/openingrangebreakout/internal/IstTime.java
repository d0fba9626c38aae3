package com.sharewise.strategy.openingrangebreakout.internal;

import java.util.Locale;

/**
 * NSE session times in India Standard Time, as seconds of the IST day (the SPI's {@code Ist} turns
 * instants into those).
 */
final class IstTime {

  /** 09:15 IST, the start of NSE's normal market. */
  static final int SESSION_OPEN = 9 * 3600 + 15 * 60;

  /** 15:30 IST, its end. */
  static final int SESSION_CLOSE = 15 * 3600 + 30 * 60;

  private IstTime() {}

  /** {@code HH:mm} of a second of the day. */
  static String clock(int secondOfDay) {
    int minutes = secondOfDay / 60;
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }
}

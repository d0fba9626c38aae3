package com.sharewise.marketdata;

import java.time.Instant;
import java.time.LocalDateTime;

/** Test helper: IST wall-clock times as instants. */
public final class Ist {

  private Ist() {}

  /** {@code 2025-01-06 09:15:00} (a Monday) in IST. */
  public static Instant at(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T')).atZone(TradingCalendar.IST).toInstant();
  }
}

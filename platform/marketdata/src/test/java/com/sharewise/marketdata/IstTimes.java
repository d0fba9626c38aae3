package com.sharewise.marketdata;

import com.sharewise.api.market.Ist;
import java.time.Instant;
import java.time.LocalDateTime;

/** Test helper: IST wall-clock times as instants. */
public final class IstTimes {

  private IstTimes() {}

  /** {@code 2025-01-06 09:15:00} (a Monday) in IST. */
  public static Instant at(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T')).atZone(Ist.ZONE).toInstant();
  }
}

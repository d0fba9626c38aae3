package com.sharewise.orders.internal;

import com.sharewise.rules.model.MarketClock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The IST trading day of an instant, without a look-up in the zone's history per call: the
 * portfolio asks on every fill. Stateless; thread-safe.
 */
public final class IstTime {

  private IstTime() {}

  /** The IST calendar day of {@code time}. */
  public static LocalDate day(Instant time) {
    return LocalDate.ofEpochDay(MarketClock.istEpochDay(time.toEpochMilli()));
  }
}

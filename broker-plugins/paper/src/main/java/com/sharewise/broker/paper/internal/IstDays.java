package com.sharewise.broker.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The IST calendar day of an instant. India has kept UTC+05:30 since 15 October 1945, so later
 * instants need only arithmetic, not a look-up in the zone's history on every quote; earlier ones
 * still go through {@code Asia/Kolkata}.
 */
final class IstDays {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final long OFFSET_SECONDS = 19_800;
  private static final long DAY_SECONDS = 86_400;

  /** The zone's last change of offset, to +05:30. */
  private static final long FIXED_SINCE = Instant.parse("1945-10-14T17:30:00Z").getEpochSecond();

  private IstDays() {}

  static LocalDate of(Instant time) {
    long seconds = time.getEpochSecond();
    if (seconds < FIXED_SINCE) {
      return time.atZone(IST).toLocalDate();
    }
    return LocalDate.ofEpochDay(Math.floorDiv(seconds + OFFSET_SECONDS, DAY_SECONDS));
  }
}

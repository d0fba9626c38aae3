package com.sharewise.orders.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Indian Standard Time without a look-up in the zone's history per call. India has kept UTC+05:30
 * since 15 October 1945, so for later instants the day, minute and weekday are plain arithmetic;
 * earlier instants go through {@code Asia/Kolkata} and give what it gives. The order path asks for
 * them on every order and fill. Stateless; thread-safe.
 */
public final class IstTime {

  /** The zone, for what needs it whole. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  private static final long OFFSET_MILLIS = 19_800_000L;
  private static final long DAY_MILLIS = 86_400_000L;

  /** The zone's last change of offset, to +05:30. */
  private static final long FIXED_SINCE = Instant.parse("1945-10-14T17:30:00Z").toEpochMilli();

  private IstTime() {}

  /** The IST calendar day of {@code time}. */
  public static LocalDate day(Instant time) {
    long millis = time.toEpochMilli();
    if (millis < FIXED_SINCE) {
      return LocalDate.ofInstant(time, ZONE);
    }
    return LocalDate.ofEpochDay(Math.floorDiv(millis + OFFSET_MILLIS, DAY_MILLIS));
  }

  /** Minutes since IST midnight at {@code time}, 0 to 1439. */
  public static int minuteOfDay(Instant time) {
    long millis = time.toEpochMilli();
    if (millis < FIXED_SINCE) {
      ZonedDateTime ist = time.atZone(ZONE);
      return ist.getHour() * 60 + ist.getMinute();
    }
    return (int) (Math.floorMod(millis + OFFSET_MILLIS, DAY_MILLIS) / 60_000L);
  }

  /** The IST weekday of {@code time}, 1 (Monday) to 7 (Sunday). */
  public static int dayOfWeek(Instant time) {
    long millis = time.toEpochMilli();
    if (millis < FIXED_SINCE) {
      return time.atZone(ZONE).getDayOfWeek().getValue();
    }
    long epochDay = Math.floorDiv(millis + OFFSET_MILLIS, DAY_MILLIS);
    return (int) Math.floorMod(epochDay + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
  }
}

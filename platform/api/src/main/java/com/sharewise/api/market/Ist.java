package com.sharewise.api.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * India Standard Time for market code: the IST date, time of day and weekday of an instant, the
 * calendar NSE and BSE trade on.
 *
 * <p>India has kept UTC+05:30, without daylight saving, since 15 October 1945, so for any later
 * instant these are plain arithmetic on epoch milliseconds — what {@code java.time}'s zone rules
 * answer, without allocating a {@code ZonedDateTime} per tick or bar (a backtest asks millions of
 * times a second). Earlier instants go through {@link #ZONE}'s history. Stateless; thread-safe.
 */
public final class Ist {

  /** The zone, {@code Asia/Kolkata}. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  /** Its offset since 1945, UTC+05:30. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHoursMinutes(5, 30);

  /** Milliseconds in a day. */
  public static final long DAY_MILLIS = 86_400_000L;

  private static final long OFFSET_MILLIS = OFFSET.getTotalSeconds() * 1000L;
  private static final long FIXED_SINCE = Instant.parse("1945-10-14T17:30:00Z").toEpochMilli();

  private Ist() {}

  /** The IST date of {@code epochMillis}, as days since 1970-01-01. */
  public static long epochDay(long epochMillis) {
    return Math.floorDiv(local(epochMillis), DAY_MILLIS);
  }

  /** The IST date of {@code instant}. */
  public static LocalDate date(Instant instant) {
    return LocalDate.ofEpochDay(epochDay(instant.toEpochMilli()));
  }

  /** Milliseconds since IST midnight of {@code epochMillis}'s day. */
  public static long millisOfDay(long epochMillis) {
    return Math.floorMod(local(epochMillis), DAY_MILLIS);
  }

  /** Minutes since IST midnight of {@code epochMillis}'s day (09:15 is 555, 15:30 is 930). */
  public static int minuteOfDay(long epochMillis) {
    return (int) (millisOfDay(epochMillis) / 60_000L);
  }

  /** The IST weekday of {@code epochMillis}. */
  public static DayOfWeek dayOfWeek(long epochMillis) {
    // 1970-01-01 was a Thursday
    return DayOfWeek.THURSDAY.plus(Math.floorMod(epochDay(epochMillis), 7));
  }

  /**
   * The instant of {@code millisOfDay} after IST midnight of {@code epochDay}. Exact for dates
   * since 15 October 1945; before that, on a day the offset changed, a local time may occur twice
   * or not at all, and the answer is one instant near it.
   */
  public static long epochMillis(long epochDay, long millisOfDay) {
    long local = epochDay * DAY_MILLIS + millisOfDay;
    long utc = local - OFFSET_MILLIS;
    return utc >= FIXED_SINCE
        ? utc
        : LocalDate.ofEpochDay(epochDay)
            .atStartOfDay(ZONE)
            .plusNanos(millisOfDay * 1_000_000L)
            .toInstant()
            .toEpochMilli();
  }

  private static long local(long epochMillis) {
    if (epochMillis >= FIXED_SINCE) {
      return epochMillis + OFFSET_MILLIS;
    }
    Instant instant = Instant.ofEpochMilli(epochMillis);
    return epochMillis + ZONE.getRules().getOffset(instant).getTotalSeconds() * 1000L;
  }
}

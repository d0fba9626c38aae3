package com.sharewise.rules.model;

/**
 * The time of the check in Indian Standard Time, as the platform's clock says.
 *
 * @param epochMillis the instant, milliseconds since 1970 UTC
 * @param minuteOfDay minutes since midnight IST (09:15 is 555, 15:30 is 930)
 * @param dayOfWeek 1 (Monday) to 7 (Sunday)
 * @param holiday whether today is an exchange holiday
 */
public record MarketClock(long epochMillis, int minuteOfDay, int dayOfWeek, boolean holiday) {

  // India has kept UTC+05:30, without daylight saving, since 1945: minutes and weekdays are
  // arithmetic, which matters on a path that runs for every order and signal
  private static final long IST_OFFSET_MILLIS = 19_800_000L;
  private static final long DAY_MILLIS = 86_400_000L;

  /**
   * The market clock at {@code epochMillis}.
   *
   * @param holiday whether that IST day is an exchange holiday
   */
  public static MarketClock at(long epochMillis, boolean holiday) {
    long local = epochMillis + IST_OFFSET_MILLIS;
    int minuteOfDay = (int) (Math.floorMod(local, DAY_MILLIS) / 60_000L);
    // 1970-01-01 was a Thursday (4)
    int dayOfWeek = (int) Math.floorMod(Math.floorDiv(local, DAY_MILLIS) + 3, 7) + 1;
    return new MarketClock(epochMillis, minuteOfDay, dayOfWeek, holiday);
  }

  /** The IST day of {@code epochMillis}, in days since 1970-01-01. */
  public static long istEpochDay(long epochMillis) {
    return Math.floorDiv(epochMillis + IST_OFFSET_MILLIS, DAY_MILLIS);
  }

  /** Whether today is Saturday or Sunday. */
  public boolean weekend() {
    return dayOfWeek >= 6;
  }

  /** Whether the time is within {@code [opens, closes)}, both {@code HH:mm} in IST. */
  public boolean between(String opens, String closes) {
    return minuteOfDay >= Limits.minutes(opens) && minuteOfDay < Limits.minutes(closes);
  }
}

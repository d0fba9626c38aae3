package com.sharewise.rules.model;

import com.sharewise.api.market.Ist;

/**
 * The time of the check in Indian Standard Time, as the platform's clock says.
 *
 * @param epochMillis the instant, milliseconds since 1970 UTC
 * @param minuteOfDay minutes since midnight IST (09:15 is 555, 15:30 is 930)
 * @param dayOfWeek 1 (Monday) to 7 (Sunday)
 * @param holiday whether today is an exchange holiday
 */
public record MarketClock(long epochMillis, int minuteOfDay, int dayOfWeek, boolean holiday) {

  /**
   * The market clock at {@code epochMillis}.
   *
   * @param holiday whether that IST day is an exchange holiday
   */
  public static MarketClock at(long epochMillis, boolean holiday) {
    return new MarketClock(
        epochMillis, Ist.minuteOfDay(epochMillis), Ist.dayOfWeek(epochMillis).getValue(), holiday);
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

package com.sharewise.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MarketClockTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @Test
  void theOpeningBellOnAMondayIsMinute555OfDayOne() {
    MarketClock clock = MarketClock.at(Instant.parse("2026-11-23T03:45:00Z").toEpochMilli(), false);

    assertThat(clock.minuteOfDay()).isEqualTo(555);
    assertThat(clock.dayOfWeek()).isEqualTo(1);
    assertThat(clock.weekend()).isFalse();
    assertThat(clock.between("09:15", "15:30")).isTrue();
  }

  @Test
  void utcEveningIsAlreadyTheNextIstDay() {
    // 19:00 UTC on Friday is 00:30 IST on Saturday
    long friday = Instant.parse("2026-11-20T19:00:00Z").toEpochMilli();

    MarketClock clock = MarketClock.at(friday, true);

    assertThat(clock.dayOfWeek()).isEqualTo(6);
    assertThat(clock.minuteOfDay()).isEqualTo(30);
    assertThat(clock.weekend()).isTrue();
    assertThat(clock.holiday()).isTrue();
  }

  @Test
  void agreesWithTheZoneRulesEveryFewHoursOverYears() {
    for (long millis = Instant.parse("1999-12-31T00:00:00Z").toEpochMilli();
        millis < Instant.parse("2031-01-01T00:00:00Z").toEpochMilli();
        millis += 3 * 3_600_000L + 7 * 60_000L) {
      ZonedDateTime ist = Instant.ofEpochMilli(millis).atZone(IST);
      MarketClock clock = MarketClock.at(millis, false);

      assertThat(clock.minuteOfDay()).isEqualTo(ist.getHour() * 60 + ist.getMinute());
      assertThat(clock.dayOfWeek()).isEqualTo(ist.getDayOfWeek().getValue());
    }
  }
}

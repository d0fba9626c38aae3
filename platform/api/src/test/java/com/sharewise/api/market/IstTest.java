package com.sharewise.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IstTest {

  private static final long FIXED_SINCE = Instant.parse("1945-10-15T00:00:00Z").toEpochMilli();

  @Test
  void agreesWithTheZoneRulesOnInstantsFrom1900To2100() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong(from, to);
      ZonedDateTime expected = Instant.ofEpochMilli(millis).atZone(Ist.ZONE);

      assertThat(Ist.epochDay(millis)).isEqualTo(expected.toLocalDate().toEpochDay());
      assertThat(Ist.millisOfDay(millis))
          .isEqualTo(expected.toLocalTime().toNanoOfDay() / 1_000_000L);
      assertThat(Ist.dayOfWeek(millis)).isEqualTo(expected.getDayOfWeek());
      if (millis >= FIXED_SINCE) {
        assertThat(Ist.epochMillis(Ist.epochDay(millis), Ist.millisOfDay(millis)))
            .isEqualTo(millis);
      }
    }
  }

  @Test
  void theNseSessionInIst() {
    long open = Instant.parse("2026-11-20T03:45:00Z").toEpochMilli(); // a Friday, 09:15 IST

    assertThat(Ist.minuteOfDay(open)).isEqualTo(555);
    assertThat(Ist.minuteOfDay(open + 375 * 60_000L)).isEqualTo(930);
    assertThat(Ist.date(Instant.ofEpochMilli(open)).toString()).isEqualTo("2026-11-20");
    // 23:59 UTC on Friday is already Saturday morning in India
    long lateFriday = Instant.parse("2026-11-20T23:59:00Z").toEpochMilli();
    assertThat(Ist.dayOfWeek(lateFriday)).isEqualTo(java.time.DayOfWeek.SATURDAY);
  }
}

package com.sharewise.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  private static final Instant START = Instant.parse("2026-11-20T04:00:00Z");

  @Test
  void timePassesOnlyWhenTheTestMovesIt() {
    ManualClock clock = new ManualClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    clock.set(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
  }

  @Test
  void aClockInAnotherZoneFollowsTheSameTime() {
    ManualClock clock = new ManualClock(START);
    Clock india = clock.withZone(ZoneId.of("Asia/Kolkata"));

    clock.advance(Duration.ofMinutes(15));

    assertThat(india.instant()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    assertThat(india.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(clock.withZone(clock.getZone())).isSameAs(clock);
  }
}

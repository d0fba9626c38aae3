package com.sharewise.orders.algo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSchedulerTest {

  private static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsWhatIsDueInTimeOrderOnlyWhenAsked() {
    scheduler.schedule(T0.plusSeconds(20), () -> ran.add("b"));
    scheduler.schedule(T0.plusSeconds(10), () -> ran.add("a"));
    scheduler.execute(() -> ran.add("now"));
    assertThat(ran).isEmpty();

    clock.advance(Duration.ofSeconds(15));
    assertThat(scheduler.runDue()).isEqualTo(2);
    assertThat(ran).containsExactly("now", "a");
    assertThat(scheduler.nextDue()).contains(T0.plusSeconds(20));
  }

  @Test
  void runsTasksThatDueTasksScheduleForNow() {
    scheduler.execute(() -> scheduler.execute(() -> ran.add("second")));

    scheduler.runDue();

    assertThat(ran).containsExactly("second");
  }

  @Test
  void aCancelledTaskNeverRuns() {
    scheduler.schedule(T0.plusSeconds(5), () -> ran.add("x")).cancel();

    clock.advance(Duration.ofMinutes(1));

    assertThat(scheduler.runDue()).isZero();
    assertThat(ran).isEmpty();
    assertThat(scheduler.nextDue()).isEmpty();
  }
}

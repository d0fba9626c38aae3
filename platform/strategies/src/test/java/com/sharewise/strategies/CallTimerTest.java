package com.sharewise.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which calls the timer judges against the budget, on a clock the test moves by hand. */
class CallTimerTest {

  private static final long MS = 1_000_000L;

  private long now;
  private int reads;

  private long read() {
    reads++;
    return now;
  }

  /** One call that lasts {@code nanos}; returns what the timer says of it. */
  private long call(CallTimer timer, long nanos) {
    long token = timer.start();
    now += nanos;
    return timer.stop(token);
  }

  @Test
  void aShortBudgetTimesEveryCallAndReportsEachOverrun() {
    CallTimer timer = new CallTimer(50 * MS, this::read);

    for (int i = 0; i < 100; i++) {
      assertThat(call(timer, MS)).isZero();
    }
    assertThat(call(timer, 60 * MS)).isEqualTo(60 * MS);

    assertThat(reads).isEqualTo(2 * 101);
    assertThat(timer.maxCallNanos()).isEqualTo(60 * MS);
    assertThat(timer.totalCallNanos()).isEqualTo(160 * MS);
  }

  @Test
  void aLongBudgetTimesFastCallsInGrowingBatches() {
    CallTimer timer = new CallTimer(10_000 * MS, this::read);

    for (int i = 0; i < 100_000; i++) {
      assertThat(call(timer, 1_000)).isZero();
    }

    assertThat(reads).isLessThan(1_000);
    // every call but those of the batch still open is counted
    assertThat(timer.totalCallNanos())
        .isBetween((100_000L - CallTimer.MAX_BATCH) * 1_000, 100_000L * 1_000);
  }

  @Test
  void aStrategyThatKeepsBeingSlowIsCaughtOnceCallsAreTimedAloneAgain() {
    CallTimer timer = new CallTimer(10_000 * MS, this::read);
    for (int i = 0; i < 10_000; i++) {
      call(timer, 1_000);
    }

    long overrun = 0;
    int calls = 0;
    while (overrun == 0 && calls < CallTimer.MAX_BATCH + 2) {
      overrun = call(timer, 12_000 * MS);
      calls++;
    }

    assertThat(overrun).isEqualTo(12_000 * MS);
    assertThat(calls).isLessThanOrEqualTo(CallTimer.MAX_BATCH + 1);
  }

  @Test
  void aCallTimedInABatchIsNeverBlamed() {
    CallTimer timer = new CallTimer(10_000 * MS, this::read);
    call(timer, 1_000); // fast and alone: batching starts

    assertThat(call(timer, 9_000 * MS)).isZero();
    assertThat(call(timer, 9_000 * MS)).isZero();
    assertThat(timer.maxCallNanos()).isEqualTo(1_000);
  }
}

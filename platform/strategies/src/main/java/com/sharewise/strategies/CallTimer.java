package com.sharewise.strategies;

import java.util.function.LongSupplier;

/**
 * Times a runner's {@code onBar} calls against its time budget.
 *
 * <p>A short budget (live trading's, tens of milliseconds) is checked on every call: the clock is
 * read before and after each one. A budget of a second or more only stops runaway strategies (a
 * backtest's), where reading the clock twice per bar would cost as much as a fast strategy's whole
 * work: calls are then timed in batches, whose size doubles (up to {@value #MAX_BATCH}) while a
 * batch stays far below the budget and drops back to single calls as soon as one comes near it. A
 * call is judged over the budget only when it was timed alone, so nothing is ever blamed wrongly; a
 * single slow call hidden in a fast-running batch is let through once, and a strategy that keeps
 * being slow is timed call by call and paused.
 *
 * <p>Not thread-safe: used by the runner's one calling thread.
 */
final class CallTimer {

  /** The budget from which calls are timed in batches. */
  static final long BATCH_FROM_NANOS = 1_000_000_000L;

  /** The most calls timed together. */
  static final int MAX_BATCH = 1024;

  /** What {@link #start} returns for a call that is timed within a batch. */
  private static final long IN_BATCH = Long.MIN_VALUE;

  private final long budgetNanos;
  private final LongSupplier clock;
  private final boolean batches;
  private int batch = 1;
  private int inBatch;
  private long batchStarted;
  private long maxCallNanos;
  private long totalCallNanos;

  /**
   * @param budgetNanos the budget, above zero
   */
  CallTimer(long budgetNanos) {
    this(budgetNanos, System::nanoTime);
  }

  /** With another clock of nanoseconds, for tests. */
  CallTimer(long budgetNanos, LongSupplier clock) {
    this.budgetNanos = budgetNanos;
    this.clock = clock;
    this.batches = budgetNanos >= BATCH_FROM_NANOS;
  }

  /** Before a call: the token to pass to {@link #stop}. */
  long start() {
    if (batch == 1) {
      return clock.getAsLong();
    }
    if (inBatch++ == 0) {
      batchStarted = clock.getAsLong();
    }
    return IN_BATCH;
  }

  /**
   * After a call.
   *
   * @return how long the call took when it was timed alone and went over the budget, else 0
   */
  long stop(long started) {
    if (started != IN_BATCH) {
      long took = clock.getAsLong() - started;
      totalCallNanos += took;
      maxCallNanos = Math.max(maxCallNanos, took);
      if (batches && took < budgetNanos / 64) {
        batch = 2;
      }
      return took > budgetNanos ? took : 0;
    }
    if (inBatch == batch) {
      long span = clock.getAsLong() - batchStarted;
      totalCallNanos += span;
      inBatch = 0;
      batch = span < budgetNanos / 64 ? Math.min(2 * batch, MAX_BATCH) : 1;
    }
    return 0;
  }

  /** The slowest call timed alone. */
  long maxCallNanos() {
    return maxCallNanos;
  }

  /**
   * Time in the calls; for a batch, from its first call's start to its last call's end, so the
   * platform's work between its calls counts too.
   */
  long totalCallNanos() {
    return totalCallNanos;
  }
}

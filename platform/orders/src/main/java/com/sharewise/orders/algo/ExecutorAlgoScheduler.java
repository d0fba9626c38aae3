package com.sharewise.orders.algo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live {@link AlgoScheduler}: a {@link ScheduledExecutorService} whose delays are measured on
 * the platform clock when a task is scheduled. The caller owns (and shuts down) the executor.
 * Thread-safe.
 */
public final class ExecutorAlgoScheduler implements AlgoScheduler {

  private final ScheduledExecutorService executor;
  private final Clock clock;

  public ExecutorAlgoScheduler(ScheduledExecutorService executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    ScheduledFuture<?> future = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }
}

package com.sharewise.orders.algo;

import java.time.Instant;

/**
 * Runs tasks at instants of the platform clock: live a {@link ExecutorAlgoScheduler}, in backtests
 * and tests a {@link SimulatedScheduler} that the simulation advances. Implementations are
 * thread-safe; the engine hands every task it schedules to its own serial executor, so a task may
 * run on any thread.
 */
public interface AlgoScheduler {

  /**
   * Runs {@code task} once, at {@code at} or as soon as possible after it (at once when it is
   * past).
   *
   * @return a handle to call it off
   */
  Cancellable schedule(Instant at, Runnable task);

  /** A scheduled task that may still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off if it has not started; harmless afterwards and when called twice. */
    void cancel();
  }
}

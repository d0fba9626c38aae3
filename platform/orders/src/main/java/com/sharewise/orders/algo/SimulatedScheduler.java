package com.sharewise.orders.algo;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * A deterministic {@link AlgoScheduler} for backtests and tests, driven by a simulated clock:
 * nothing runs until the simulation calls {@link #runDue()}, which runs every task due by the
 * clock's current instant in time order (ties in scheduling order) on the calling thread, including
 * tasks those tasks schedule for no later than now.
 *
 * <p>It is also an {@link Executor} whose tasks are due at once, so the algorithm engine's work is
 * queued rather than run inside the order path's callbacks, and runs at the next {@link #runDue()}.
 * A backtest advances its clock (bar by bar, or to {@link #nextDue()}) and calls {@link #runDue()}
 * after each step.
 *
 * <p>Thread-safe, but meant to be driven by one thread. An exception thrown by a task propagates
 * out of {@link #runDue()}; the remaining tasks stay queued.
 */
public final class SimulatedScheduler implements AlgoScheduler, Executor {

  private static final class Entry implements Cancellable {
    private final Instant at;
    private final long sequence;
    private final Runnable task;
    private volatile boolean cancelled;

    Entry(Instant at, long sequence, Runnable task) {
      this.at = at;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private final Clock clock;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          Comparator.comparing((Entry e) -> e.at).thenComparingLong(e -> e.sequence));
  private long sequence;

  /**
   * @param clock the simulated clock that decides what is due
   */
  public SimulatedScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Cancellable schedule(Instant at, Runnable task) {
    Entry entry = new Entry(at, sequence++, task);
    queue.add(entry);
    return entry;
  }

  /** Queues {@code task} to run at the next {@link #runDue()}. */
  @Override
  public void execute(Runnable task) {
    schedule(clock.instant(), task);
  }

  /**
   * Runs every task due by now, oldest first.
   *
   * @return how many ran
   */
  public int runDue() {
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.at.isAfter(clock.instant())) {
          return ran;
        }
        queue.poll();
      }
      if (!next.cancelled) {
        next.task.run();
        ran++;
      }
    }
  }

  /** When the earliest task not called off is due, or empty when none is waiting. */
  public synchronized Optional<Instant> nextDue() {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
    return queue.isEmpty() ? Optional.empty() : Optional.of(queue.peek().at);
  }
}

package com.sharewise.node.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the node's start-up steps and logs each one ({@code part}, {@code ms}), then a summary with
 * every step, so a slow start shows which part to blame without a profiler. Steps may run on
 * several threads at once (store and grid start side by side); each is timed on its own.
 * Thread-safe.
 */
public final class StartupTimer {

  private static final Logger LOG = LoggerFactory.getLogger(StartupTimer.class);

  private final LongSupplier nanoTime;
  private final long started;
  private final List<Step> steps = new ArrayList<>();

  /** A finished step: its name and how long it took. */
  public record Step(String name, long millis) {}

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}); durations only,
   *     never wall time
   */
  public StartupTimer(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** Runs {@code step}, logs and records how long it took, and returns its result. */
  public <T> T time(String name, Supplier<T> step) {
    long start = nanoTime.getAsLong();
    T result = step.get();
    record(name, (nanoTime.getAsLong() - start) / 1_000_000);
    return result;
  }

  /** Runs {@code step} and logs and records how long it took. */
  public void time(String name, Runnable step) {
    time(
        name,
        () -> {
          step.run();
          return null;
        });
  }

  /** Records a step timed elsewhere (for example in the background). */
  public void record(String name, long millis) {
    synchronized (steps) {
      steps.add(new Step(name, millis));
    }
    LOG.atInfo().addKeyValue("part", name).addKeyValue("ms", millis).log("started");
  }

  /** Every step so far, in the order they finished. */
  public List<Step> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  /** Milliseconds since this timer was created. */
  public long elapsedMillis() {
    return (nanoTime.getAsLong() - started) / 1_000_000;
  }

  /** Logs the summary: total time and each step's, in the order they finished. */
  public void logSummary(String message) {
    Map<String, Long> byStep = new LinkedHashMap<>();
    steps().forEach(s -> byStep.merge(s.name(), s.millis(), Long::sum));
    LOG.atInfo().addKeyValue("ms", elapsedMillis()).addKeyValue("steps", byStep).log(message);
  }
}

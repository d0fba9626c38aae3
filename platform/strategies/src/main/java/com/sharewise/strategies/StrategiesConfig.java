package com.sharewise.strategies;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the live strategy runtime.
 *
 * @param timeBudget longest one {@code onBar} call may take before the instance is paused
 * @param historyBars bars of history loaded per instrument and timeframe before an instance starts,
 *     so its indicators are warm
 * @param maximumBarCount bars kept per series while it runs (at least {@code historyBars})
 * @param maxQueuedBars bars that may wait for one instance; beyond, it is paused as too slow
 */
public record StrategiesConfig(
    Duration timeBudget, int historyBars, int maximumBarCount, int maxQueuedBars) {

  public static final StrategiesConfig DEFAULTS =
      new StrategiesConfig(Duration.ofMillis(50), 500, 2_000, 10_000);

  public StrategiesConfig {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (historyBars < 0) {
      throw new IllegalArgumentException("historyBars must not be negative");
    }
    maximumBarCount = Math.max(Math.max(maximumBarCount, historyBars), 2);
    if (maxQueuedBars < 1) {
      throw new IllegalArgumentException("maxQueuedBars must be positive");
    }
  }
}

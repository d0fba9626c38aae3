package com.sharewise.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Order statistics of a sample of durations, in milliseconds. Benchmarks report medians and tail
 * percentiles, never means: these machines are noisy and a mean hides that.
 *
 * @param count sample size
 * @param medianMs the 50th percentile
 * @param p90Ms the 90th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the largest value
 */
public record Stats(int count, double medianMs, double p90Ms, double p99Ms, double maxMs) {

  /** Statistics of {@code nanos} (each a duration in nanoseconds). */
  public static Stats ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Stats(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 90)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  /** Nearest-rank percentile. */
  static long percentile(long[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}

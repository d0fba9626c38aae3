package com.sharewise.orders.algo;

import java.util.Arrays;

/** Splits a quantity into slices of whole lots that add up to it exactly. */
final class Slicing {

  private Slicing() {}

  /**
   * Equal slices, the remainder going to the last. With fewer lots than slices there are as many
   * slices as lots (one lot each), so no slice is empty.
   */
  static long[] equal(long quantity, int lot, int slices) {
    long lots = quantity / lot;
    int n = (int) Math.max(1, Math.min(slices, lots));
    long each = lots / n * lot;
    long[] sizes = new long[n];
    Arrays.fill(sizes, each);
    sizes[n - 1] = quantity - each * (n - 1);
    return sizes;
  }

  /**
   * Slices proportional to {@code weights}: each slice ends where the cumulative weight says,
   * rounded to whole lots, so rounding never accumulates and the total is exact. A slice may be
   * empty.
   */
  static long[] weighted(long quantity, int lot, double[] weights) {
    long lots = quantity / lot;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    long[] sizes = new long[weights.length];
    double cumulative = 0;
    long done = 0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      long until =
          i == weights.length - 1
              ? lots
              : Math.max(done, Math.min(lots, Math.round(lots * cumulative / total)));
      sizes[i] = (until - done) * lot;
      done = until;
    }
    return sizes;
  }
}

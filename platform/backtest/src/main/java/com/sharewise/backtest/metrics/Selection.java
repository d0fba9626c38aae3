package com.sharewise.backtest.metrics;

import java.util.Arrays;

/**
 * Moves the {@code k} smallest values of an array to its front (in no particular order) in linear
 * expected time: quickselect on the order {@link Double#compare} defines, the one {@link
 * Arrays#sort(double[])} sorts by (-0.0 before 0.0, NaN last). Stateless.
 */
final class Selection {

  private Selection() {}

  /**
   * Rearranges {@code values} so that its first {@code k} elements are its {@code k} smallest.
   * Falls back to sorting the whole array when the partitions keep coming out lopsided, so the
   * worst case stays {@code O(n log n)}.
   */
  static void smallestFirst(double[] values, int k) {
    int from = 0;
    int to = values.length; // the k-th smallest lies in [from, to)
    int rounds = 2 * (64 - Long.numberOfLeadingZeros(values.length)) + 8;
    while (to - from > 16) {
      if (rounds-- == 0) {
        Arrays.sort(values, from, to);
        return;
      }
      double pivot = medianOfThree(values[from], values[(from + to) >>> 1], values[to - 1]);
      // three-way partition: [from, lt) < pivot, [lt, gt) == pivot, [gt, to) > pivot
      int lt = from;
      int i = from;
      int gt = to;
      while (i < gt) {
        int c = Double.compare(values[i], pivot);
        if (c < 0) {
          swap(values, lt++, i++);
        } else if (c > 0) {
          swap(values, i, --gt);
        } else {
          i++;
        }
      }
      if (k <= lt) {
        to = lt;
      } else if (k <= gt) {
        return; // the k-th smallest equals the pivot: the front is settled
      } else {
        from = gt;
      }
    }
    Arrays.sort(values, from, to);
  }

  private static double medianOfThree(double a, double b, double c) {
    if (Double.compare(a, b) > 0) {
      double t = a;
      a = b;
      b = t;
    }
    if (Double.compare(b, c) > 0) {
      b = c;
    }
    return Double.compare(a, b) > 0 ? a : b;
  }

  private static void swap(double[] values, int i, int j) {
    double t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

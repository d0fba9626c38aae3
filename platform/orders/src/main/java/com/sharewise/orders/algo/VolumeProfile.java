package com.sharewise.orders.algo;

import com.sharewise.api.market.InstrumentId;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * How an instrument's volume is usually spread over a stretch of the trading day: VWAP sizes its
 * slices by it. Implementations are thread-safe; the engine calls them on its own thread when a
 * VWAP order starts (or resumes), so they may read the database.
 */
@FunctionalInterface
public interface VolumeProfile {

  /** Every slice gets the same share (when nothing better is known). */
  VolumeProfile EQUAL = (instrument, start, window, slices, days) -> equal(slices);

  /**
   * The usual share of volume of each of {@code slices} equal buckets of {@code [start, start +
   * window)} (time of day in IST), averaged over the last {@code days} trading days before today.
   *
   * @return {@code slices} non-negative weights summing to 1
   */
  double[] weights(InstrumentId instrument, LocalTime start, Duration window, int slices, int days);

  /** {@code slices} equal weights. */
  static double[] equal(int slices) {
    double[] weights = new double[slices];
    Arrays.fill(weights, 1.0 / slices);
    return weights;
  }
}

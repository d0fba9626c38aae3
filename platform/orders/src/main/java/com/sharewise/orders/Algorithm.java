package com.sharewise.orders;

import java.util.Locale;

/**
 * How the platform works an order. {@code DIRECT} sends it to the broker as it is; the others make
 * the order a parent whose child orders the platform places over time, each through the same path.
 */
public enum Algorithm {
  /** Sent to the broker as it is. */
  DIRECT,
  /** Entry, then a target and a stop-loss; when one of those fills the other is cancelled. */
  BRACKET,
  /** A stop-loss whose trigger follows the market at a fixed distance, never back. */
  TRAILING_STOP,
  /** Shows only one leg at a time; the next leg goes when the previous one fills. */
  ICEBERG,
  /** Equal slices at equal intervals over a window. */
  TWAP,
  /** Slices sized by the intraday volume profile of stored bars over a window. */
  VWAP;

  /**
   * Reads a name as rules and clients write it ({@code twap}, {@code TWAP}, {@code trailing-stop}).
   */
  public static Algorithm parse(String text) {
    if (text == null || text.isBlank()) {
      return DIRECT;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new OrderException(
          OrderException.Reason.INVALID,
          "unknown execution algorithm '" + text + "'; use one of " + java.util.List.of(values()));
    }
  }
}

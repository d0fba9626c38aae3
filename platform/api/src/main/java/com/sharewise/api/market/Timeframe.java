package com.sharewise.api.market;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Bar intervals the platform aggregates. Intraday bars align to the NSE session open (09:15 IST);
 * daily bars cover one trading session.
 */
public enum Timeframe {
  M1("1m", Duration.ofMinutes(1)),
  M3("3m", Duration.ofMinutes(3)),
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  M30("30m", Duration.ofMinutes(30)),
  H1("1h", Duration.ofHours(1)),
  D1("1d", Duration.ofDays(1));

  private final String label;
  private final Duration duration;

  Timeframe(String label, Duration duration) {
    this.label = label;
    this.duration = duration;
  }

  /** The short name used in APIs and files, e.g. {@code 5m}. */
  public String label() {
    return label;
  }

  /** The nominal length of one bar. */
  public Duration duration() {
    return duration;
  }

  /**
   * Parses a label such as {@code 15m} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid labels
   */
  public static Timeframe parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Timeframe tf : values()) {
      if (tf.label.equals(wanted)) {
        return tf;
      }
    }
    throw new IllegalArgumentException("unknown timeframe '" + text + "'; valid: " + validLabels());
  }

  /** The valid labels, comma separated, for error messages. */
  public static String validLabels() {
    return Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", "));
  }
}

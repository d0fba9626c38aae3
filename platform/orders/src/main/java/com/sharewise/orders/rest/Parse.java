package com.sharewise.orders.rest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.server.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Reads request values, answering 400 with the field's name and what would have been valid. */
final class Parse {

  private Parse() {}

  static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text, E fallback) {
    if (text == null || text.isBlank()) {
      if (fallback == null) {
        throw ApiException.badRequest(field + " is required");
      }
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          field
              + " '"
              + text
              + "' is not one of "
              + Arrays.toString(type.getEnumConstants()).replace("_", "-"));
    }
  }

  static InstrumentId instrument(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("instrument is required, e.g. NSE:INFY");
    }
    try {
      return InstrumentId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("instrument '" + text + "': " + e.getMessage());
    }
  }

  static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be an ISO-8601 instant, got '" + text + "'");
    }
  }

  /**
   * A yes/no parameter: {@code true} or {@code false} (any case), absent or blank = {@code false}.
   * JAX-RS reads every other word as false, so {@code open=yes} would silently list every order.
   */
  static boolean flag(String field, String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
      return false;
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiException.badRequest(field + " must be true or false, got '" + text + "'");
  }
}

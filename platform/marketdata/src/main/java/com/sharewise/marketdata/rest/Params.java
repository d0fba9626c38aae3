package com.sharewise.marketdata.rest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.CsvProblem;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.server.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and checking query parameters the same way in every market-data resource. */
final class Params {

  private Params() {}

  /** A known instrument: 400 when missing or malformed, 404 naming it when unknown. */
  static InstrumentId instrument(String name, String text, InstrumentMaster master) {
    InstrumentId id = instrumentId(name, text);
    if (!master.contains(id)) {
      throw ApiException.notFound(
          "unknown instrument "
              + id
              + "; GET /api/v1/instruments?query="
              + id.symbol()
              + " searches the instrument master");
    }
    return id;
  }

  /** A well-formed instrument name: 400 when missing or malformed. */
  static InstrumentId instrumentId(String name, String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest(name + " is required, e.g. " + name + "=NSE:INFY");
    }
    try {
      return InstrumentId.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + ": " + e.getMessage());
    }
  }

  /** A timeframe: 400 listing the valid ones when missing or unknown. */
  static Timeframe timeframe(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("timeframe is required; valid: " + Timeframe.validLabels());
    }
    try {
      return Timeframe.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /**
   * A time: an ISO-8601 instant or offset date-time, {@code YYYY-MM-DDTHH:MM[:SS]} or {@code
   * YYYY-MM-DD HH:MM:SS} in IST, or a date (its start in IST). Null when absent.
   */
  static Instant time(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(Ist.ZONE).toInstant();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(value.replace(' ', 'T')).atZone(Ist.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name
              + " must be an ISO-8601 time (2024-01-02T09:15:00+05:30), a local IST time"
              + " (2024-01-02 09:15:00) or a date (2024-01-02), got '"
              + text
              + "'");
    }
  }

  /** A whole number in range: 400 naming the parameter otherwise. */
  static int integer(String name, String text, int fallback, int min, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(
        name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
  }

  /** 400 with every bad line: {@code errors.lines = [{line, reason}…]}. */
  static ApiException badCsv(CsvImportException e) {
    Map<String, Object> errors = new LinkedHashMap<>();
    List<Map<String, Object>> lines = e.problems().stream().map(Params::line).toList();
    errors.put("lines", lines);
    errors.put("truncated", e.truncated());
    return new ApiException(400, "Bad CSV", e.getMessage(), errors, e);
  }

  private static Map<String, Object> line(CsvProblem problem) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("line", problem.line());
    line.put("reason", problem.reason());
    return line;
  }
}

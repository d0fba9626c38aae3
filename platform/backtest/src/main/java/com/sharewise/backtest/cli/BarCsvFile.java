package com.sharewise.backtest.cli;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads bars in the public contract's CSV format: header {@code
 * timestamp,open,high,low,close,volume}; the timestamp (the bar's open) in ISO-8601 with an offset
 * or {@code YYYY-MM-DD HH:MM:SS} taken as IST. Every bad line is reported (up to 20) with its
 * number; rows must be in time order.
 */
public final class BarCsvFile {

  /** The header the contract fixes. */
  public static final String HEADER = "timestamp,open,high,low,close,volume";

  private static final DateTimeFormatter IST_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final int MAX_PROBLEMS = 20;

  private BarCsvFile() {}

  /**
   * Parses a whole file.
   *
   * @throws BacktestException.Invalid (field {@code data}) listing the bad lines
   * @throws IOException when the file cannot be read
   */
  public static List<Bar> read(Reader reader, InstrumentId instrument, Timeframe timeframe)
      throws IOException {
    List<Bar> bars = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      String header = lines.readLine();
      if (header == null || !normalise(header).equals(HEADER)) {
        throw new BacktestException.Invalid("data", "line 1: the header must be " + HEADER);
      }
      String line;
      int number = 1;
      while ((line = lines.readLine()) != null && problems.size() < MAX_PROBLEMS) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Bar bar = bar(line, instrument, timeframe);
          if (!bars.isEmpty() && !bar.openTime().isAfter(bars.get(bars.size() - 1).openTime())) {
            throw new IllegalArgumentException(
                "timestamp " + bar.openTime() + " is not after the previous row's");
          }
          bars.add(bar);
        } catch (RuntimeException e) {
          problems.add("line " + number + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BacktestException.Invalid("data", String.join("; ", problems));
    }
    return bars;
  }

  private static Bar bar(String line, InstrumentId instrument, Timeframe timeframe) {
    String[] cells = line.split(",", -1);
    if (cells.length != 6) {
      throw new IllegalArgumentException("expected 6 columns, got " + cells.length);
    }
    return new Bar(
        instrument,
        timeframe,
        time(unquote(cells[0])),
        number("open", cells[1]),
        number("high", cells[2]),
        number("low", cells[3]),
        number("close", cells[4]),
        (long) number("volume", cells[5]));
  }

  static Instant time(String text) {
    try {
      if (text.length() == 19 && text.charAt(10) == ' ') {
        return LocalDateTime.parse(text, IST_FORMAT).toInstant(Ist.OFFSET);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp '"
              + text
              + "' is neither ISO-8601 with an offset nor YYYY-MM-DD HH:MM:SS (IST)");
    }
  }

  private static double number(String column, String cell) {
    String text = unquote(cell);
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value) || value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + text + "' is not a non-negative number");
    }
  }

  private static String unquote(String cell) {
    String t = cell.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1).trim()
        : t;
  }

  private static String normalise(String header) {
    String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
    return String.join(",", java.util.Arrays.stream(h.split(",")).map(BarCsvFile::unquote).toList())
        .toLowerCase(Locale.ROOT);
  }
}

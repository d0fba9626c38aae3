package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.TradingCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the bar CSV format of the public contract: header {@code
 * timestamp,open,high,low,close,volume}, one bar per line.
 *
 * <p>Timestamps are either ISO-8601 with an offset ({@code 2024-01-02T09:15:00+05:30}, {@code
 * 2024-01-02T03:45:00Z}) or {@code YYYY-MM-DD HH:MM:SS}, taken as IST. For daily bars a plain date
 * ({@code 2024-01-02}) is accepted as well, and any time on a date means that date's session: the
 * bar is stored opening at 09:15 IST. Intraday timestamps must be the start of a bar (09:15 IST
 * plus a whole number of bar lengths). The whole file is checked before anything is returned: every
 * bad line is reported with its number and reason.
 */
public final class BarCsv {

  /** The header the contract fixes. */
  public static final String HEADER = "timestamp,open,high,low,close,volume";

  /** Refuse files with more bars than this in one request. */
  public static final int MAX_ROWS = 2_000_000;

  private static final Pattern IST_FORM =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern DATE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter IST_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private BarCsv() {}

  /**
   * Parses a whole file.
   *
   * @return the bars in file order
   * @throws CsvImportException listing every bad line; nothing is returned then
   */
  public static List<Bar> parse(Reader reader, InstrumentId instrument, Timeframe timeframe) {
    Csv.Problems problems = new Csv.Problems();
    List<Bar> bars = new ArrayList<>();
    Map<Instant, Integer> seen = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      String header = lines.readLine();
      if (header == null || header.isBlank()) {
        problems.add(1, "the file is empty; the first line must be the header " + HEADER);
        problems.throwIfAny();
      }
      List<String> columns =
          Csv.split(header).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
      if (!String.join(",", columns).equals(HEADER)) {
        problems.add(1, "the header must be " + HEADER + ", got '" + header.strip() + "'");
        problems.throwIfAny();
      }
      int number = 1;
      String line;
      while ((line = lines.readLine()) != null && !problems.full()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (bars.size() >= MAX_ROWS) {
          problems.add(number, "a file may hold at most " + MAX_ROWS + " bars; split it");
          break;
        }
        Bar bar = row(number, line, instrument, timeframe, problems);
        if (bar != null) {
          Integer earlier = seen.putIfAbsent(bar.openTime(), number);
          if (earlier != null) {
            problems.add(
                number,
                "bar at "
                    + bar.openTime()
                    + " already given on line "
                    + earlier
                    + (timeframe == Timeframe.D1 ? " (one daily bar per IST date)" : ""));
          } else {
            bars.add(bar);
          }
        }
      }
      if (bars.isEmpty() && problems.isEmpty()) {
        problems.add(1, "the file holds a header but no bars");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded CSV: " + e.getMessage(), e);
    }
    problems.throwIfAny();
    return bars;
  }

  private static Bar row(
      int number,
      String line,
      InstrumentId instrument,
      Timeframe timeframe,
      Csv.Problems problems) {
    List<String> fields = Csv.split(line);
    if (fields.size() != 6) {
      problems.add(number, "expected 6 fields (" + HEADER + "), got " + fields.size());
      return null;
    }
    List<String> reasons = new ArrayList<>(2);
    Instant time = timestamp(fields.get(0), timeframe, reasons);
    double open = price("open", fields.get(1), reasons);
    double high = price("high", fields.get(2), reasons);
    double low = price("low", fields.get(3), reasons);
    double close = price("close", fields.get(4), reasons);
    long volume = volume(fields.get(5), reasons);
    if (reasons.isEmpty()) {
      if (low > high) {
        reasons.add("low " + fields.get(3) + " is above high " + fields.get(2));
      } else if (open < low || open > high) {
        reasons.add(
            "open "
                + fields.get(1)
                + " is outside low–high "
                + fields.get(3)
                + "–"
                + fields.get(2));
      } else if (close < low || close > high) {
        reasons.add(
            "close "
                + fields.get(4)
                + " is outside low–high "
                + fields.get(3)
                + "–"
                + fields.get(2));
      }
    }
    if (!reasons.isEmpty()) {
      problems.add(number, String.join("; ", reasons));
      return null;
    }
    return new Bar(instrument, timeframe, time, open, high, low, close, volume);
  }

  /**
   * Parses a timestamp in one of the accepted forms and aligns it to {@code timeframe}, or adds a
   * reason and returns null.
   */
  static Instant timestamp(String text, Timeframe timeframe, List<String> reasons) {
    Instant time = parseTimestamp(text, timeframe, reasons);
    if (time == null) {
      return null;
    }
    if (timeframe == Timeframe.D1) {
      return TradingCalendar.dailyOpen(time);
    }
    if (!TradingCalendar.isAligned(timeframe, time)) {
      reasons.add(
          "timestamp '"
              + text
              + "' is not the start of a "
              + timeframe.label()
              + " bar (bars start at 09:15 IST plus whole multiples of "
              + timeframe.label()
              + ")");
      return null;
    }
    return time;
  }

  private static Instant parseTimestamp(String text, Timeframe timeframe, List<String> reasons) {
    try {
      if (IST_FORM.matcher(text).matches()) {
        return LocalDateTime.parse(text, IST_FORMAT).atZone(Ist.ZONE).toInstant();
      }
      if (DATE_FORM.matcher(text).matches()) {
        if (timeframe != Timeframe.D1) {
          reasons.add(
              "timestamp '" + text + "' has no time of day; only 1d bars may be given by date");
          return null;
        }
        return TradingCalendar.dailyOpen(LocalDate.parse(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      reasons.add(
          "timestamp '"
              + text
              + "' is neither ISO-8601 with an offset (2024-01-02T09:15:00+05:30) nor"
              + " YYYY-MM-DD HH:MM:SS (IST)");
      return null;
    }
  }

  private static double price(String column, String text, List<String> reasons) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      reasons.add(column + " '" + text + "' is not a number");
      return Double.NaN;
    }
    if (!Double.isFinite(value) || value <= 0) {
      reasons.add(column + " must be a positive price, got '" + text + "'");
      return Double.NaN;
    }
    return value;
  }

  private static long volume(String text, List<String> reasons) {
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        reasons.add("volume must not be negative, got '" + text + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      try {
        double value = Double.parseDouble(text);
        if (value >= 0 && value == Math.rint(value) && value < 9.0e18) {
          return (long) value;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      reasons.add("volume must be a whole number of shares, got '" + text + "'");
      return 0;
    }
  }
}

package com.sharewise.marketdata;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.marketdata.internal.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recorded ticks for the {@link com.sharewise.marketdata.feed.ReplayFeed}: header {@code
 * timestamp,instrument,last,quantity,volume,bid,ask} ({@code volume}, {@code bid} and {@code ask}
 * may be left empty), timestamps as in the bar format (ISO-8601 with offset, or {@code YYYY-MM-DD
 * HH:MM:SS[.fff]} in IST). Every bad line is reported with its number and reason.
 */
public final class TickCsv {

  /** The header. */
  public static final String HEADER = "timestamp,instrument,last,quantity,volume,bid,ask";

  private TickCsv() {}

  /**
   * Parses a whole file.
   *
   * @throws CsvImportException listing every bad line
   */
  public static List<Tick> parse(Reader reader) {
    List<CsvProblem> problems = new ArrayList<>();
    List<Tick> ticks = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      String header = lines.readLine();
      if (header == null
          || !String.join(",", Csv.split(header)).toLowerCase(Locale.ROOT).equals(HEADER)) {
        throw new CsvImportException(
            List.of(new CsvProblem(1, "the header must be " + HEADER)), false);
      }
      int number = 1;
      String line;
      while ((line = lines.readLine()) != null
          && problems.size() < CsvImportException.MAX_PROBLEMS) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = Csv.split(line);
        if (f.size() != 7) {
          problems.add(
              new CsvProblem(number, "expected 7 fields (" + HEADER + "), got " + f.size()));
          continue;
        }
        try {
          double last = Double.parseDouble(f.get(2));
          if (!(last > 0) || Double.isInfinite(last)) {
            throw new IllegalArgumentException(
                "last must be a positive price, got '" + f.get(2) + "'");
          }
          ticks.add(
              new Tick(
                  InstrumentId.parse(f.get(1)),
                  time(f.get(0)),
                  last,
                  Long.parseLong(f.get(3)),
                  f.get(4).isEmpty() ? 0 : Long.parseLong(f.get(4)),
                  f.get(5).isEmpty() ? Double.NaN : Double.parseDouble(f.get(5)),
                  f.get(6).isEmpty() ? Double.NaN : Double.parseDouble(f.get(6)),
                  MarketDepth.EMPTY));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          problems.add(new CsvProblem(number, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tick file: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new CsvImportException(problems, problems.size() >= CsvImportException.MAX_PROBLEMS);
    }
    return ticks;
  }

  private static Instant time(String text) {
    if (text.length() >= 19 && text.charAt(10) == ' ') {
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(Ist.ZONE).toInstant();
    }
    return OffsetDateTime.parse(text).toInstant();
  }
}

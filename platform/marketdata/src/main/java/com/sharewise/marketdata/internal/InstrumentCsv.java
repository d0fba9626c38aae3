package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Exchange;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Segment;
import com.sharewise.marketdata.CsvImportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads instrument master files. The first line names the columns, in any order:
 *
 * <pre>exchange,symbol,token,name,segment,tick_size,lot_size,isin</pre>
 *
 * {@code exchange}, {@code symbol} and {@code tick_size} are required; {@code segment} defaults to
 * {@code EQUITY}, {@code lot_size} to 1, the others to empty. Fields may be double-quoted. Every
 * bad line is reported with its number and reason.
 */
public final class InstrumentCsv {

  /** The columns, in the documented order. */
  public static final List<String> COLUMNS =
      List.of("exchange", "symbol", "token", "name", "segment", "tick_size", "lot_size", "isin");

  private static final List<String> REQUIRED = List.of("exchange", "symbol", "tick_size");
  private static final Pattern ISIN = Pattern.compile("[A-Z]{2}[A-Z0-9]{9}[0-9]");
  private static final int MAX_ROWS = 500_000;

  private InstrumentCsv() {}

  /**
   * Parses a whole file.
   *
   * @throws CsvImportException listing every bad line
   */
  public static List<Instrument> parse(Reader reader) {
    Csv.Problems problems = new Csv.Problems();
    List<Instrument> instruments = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      Map<String, Integer> columns = header(lines.readLine(), problems);
      problems.throwIfAny();
      Map<InstrumentId, Integer> seen = new HashMap<>();
      int number = 1;
      String line;
      while ((line = lines.readLine()) != null && !problems.full()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (instruments.size() >= MAX_ROWS) {
          problems.add(number, "a file may hold at most " + MAX_ROWS + " instruments");
          break;
        }
        Instrument instrument = row(number, Csv.split(line), columns, problems);
        if (instrument != null) {
          Integer earlier = seen.putIfAbsent(instrument.id(), number);
          if (earlier != null) {
            problems.add(number, instrument.id() + " is already given on line " + earlier);
          } else {
            instruments.add(instrument);
          }
        }
      }
      if (instruments.isEmpty() && problems.isEmpty()) {
        problems.add(1, "the file holds a header but no instruments");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded CSV: " + e.getMessage(), e);
    }
    problems.throwIfAny();
    return instruments;
  }

  private static Map<String, Integer> header(String line, Csv.Problems problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    if (line == null || line.isBlank()) {
      problems.add(1, "the file is empty; the first line must name the columns: " + documented());
      return columns;
    }
    List<String> names = Csv.split(line);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        problems.add(1, "unknown column '" + names.get(i) + "'; columns are " + documented());
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(1, "column '" + name + "' appears twice");
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        problems.add(1, "the header lacks the required column '" + required + "'");
      }
    }
    return columns;
  }

  private static Instrument row(
      int number, List<String> fields, Map<String, Integer> columns, Csv.Problems problems) {
    if (fields.size() != columns.size()) {
      problems.add(number, "expected " + columns.size() + " fields, got " + fields.size());
      return null;
    }
    List<String> reasons = new ArrayList<>();
    String exchangeText = field(fields, columns, "exchange").toUpperCase(Locale.ROOT);
    Exchange exchange = null;
    try {
      exchange = Exchange.valueOf(exchangeText);
    } catch (IllegalArgumentException e) {
      reasons.add(
          "unknown exchange '"
              + exchangeText
              + "'; known: "
              + Arrays.stream(Exchange.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
    String symbol = field(fields, columns, "symbol").toUpperCase(Locale.ROOT);
    if (symbol.isEmpty() || symbol.chars().anyMatch(Character::isWhitespace)) {
      reasons.add("symbol must be non-empty without spaces, got '" + symbol + "'");
    } else if (symbol.length() > 56) {
      reasons.add("symbol is longer than 56 characters");
    }
    String segmentText = field(fields, columns, "segment").toUpperCase(Locale.ROOT);
    Segment segment = Segment.EQUITY;
    if (!segmentText.isEmpty()) {
      try {
        segment = Segment.valueOf(segmentText);
      } catch (IllegalArgumentException e) {
        reasons.add(
            "unknown segment '"
                + segmentText
                + "'; known: "
                + Arrays.stream(Segment.values())
                    .map(Enum::name)
                    .collect(Collectors.joining(", ")));
      }
    }
    BigDecimal tickSize = tickSize(field(fields, columns, "tick_size"), reasons);
    int lotSize = lotSize(field(fields, columns, "lot_size"), reasons);
    String isin = field(fields, columns, "isin").toUpperCase(Locale.ROOT);
    if (!isin.isEmpty() && !ISIN.matcher(isin).matches()) {
      reasons.add("isin '" + isin + "' is not 12 characters like INE009A01021");
    }
    String token = field(fields, columns, "token");
    if (token.length() > 32) {
      reasons.add("token is longer than 32 characters");
    }
    String name = field(fields, columns, "name");
    if (name.length() > 200) {
      reasons.add("name is longer than 200 characters");
    }
    if (!reasons.isEmpty()) {
      problems.add(number, String.join("; ", reasons));
      return null;
    }
    return new Instrument(
        new InstrumentId(exchange, symbol), token, name, segment, tickSize, lotSize, isin);
  }

  private static String field(List<String> fields, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null ? "" : fields.get(index);
  }

  private static BigDecimal tickSize(String text, List<String> reasons) {
    try {
      BigDecimal value = new BigDecimal(text).stripTrailingZeros();
      if (value.signum() > 0 && value.scale() <= 6 && value.precision() - value.scale() <= 6) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reasons.add("tick_size must be a positive price with at most 6 decimals, got '" + text + "'");
    return BigDecimal.ONE;
  }

  private static int lotSize(String text, List<String> reasons) {
    if (text.isEmpty()) {
      return 1;
    }
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reasons.add("lot_size must be a positive whole number, got '" + text + "'");
    return 1;
  }

  private static String documented() {
    return String.join(",", COLUMNS);
  }
}

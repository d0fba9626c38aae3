package com.sharewise.marketdata.internal;

import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.CsvProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into trimmed fields. Double-quoted fields may contain commas and doubled
 * quotes ({@code ""}); a leading byte-order mark is dropped. Enough for instrument and bar files,
 * which never hold line breaks inside fields.
 */
public final class Csv {

  private Csv() {}

  /** The fields of {@code line}. */
  public static List<String> split(String line) {
    List<String> fields = new ArrayList<>(8);
    String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return fields;
  }

  /** Collects problems up to a limit. */
  static final class Problems {
    private final List<CsvProblem> list = new ArrayList<>();
    private boolean truncated;

    void add(int line, String reason) {
      if (list.size() < CsvImportException.MAX_PROBLEMS) {
        list.add(new CsvProblem(line, reason));
      } else {
        truncated = true;
      }
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    boolean full() {
      return truncated;
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new CsvImportException(list, truncated);
      }
    }
  }
}

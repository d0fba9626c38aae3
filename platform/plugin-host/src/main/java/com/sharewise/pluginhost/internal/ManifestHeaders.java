package com.sharewise.pluginhost.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits OSGi manifest headers ({@code clause, clause} of {@code path;param;param}) honouring
 * quotes.
 */
final class ManifestHeaders {

  private ManifestHeaders() {}

  /** Splits {@code header} at {@code separator} characters that are not inside double quotes. */
  static List<String> split(String header, char separator) {
    List<String> parts = new ArrayList<>();
    if (header == null) {
      return parts;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        addTrimmed(parts, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addTrimmed(parts, current);
    return parts;
  }

  /**
   * Removes the {@code uses:=} directive from every clause of an {@code Export-Package} header: the
   * system bundle re-exports packages from the host's class path, where those constraints only get
   * in the way of resolving.
   */
  static List<String> exportsWithoutUses(String exportPackage) {
    List<String> clauses = new ArrayList<>();
    for (String clause : split(exportPackage, ',')) {
      List<String> kept = new ArrayList<>();
      for (String part : split(clause, ';')) {
        if (!part.replace(" ", "").startsWith("uses:=")) {
          kept.add(part);
        }
      }
      clauses.add(String.join(";", kept));
    }
    return clauses;
  }

  /** The package names (paths) of one header clause, e.g. {@code a;b;version=1} gives a and b. */
  static List<String> paths(String clause) {
    List<String> paths = new ArrayList<>();
    for (String part : split(clause, ';')) {
      if (part.contains("=")) {
        break;
      }
      paths.add(part);
    }
    return paths;
  }

  /** The value of the attribute or directive {@code name} in a clause, without quotes, or null. */
  static String parameter(String clause, String name) {
    for (String part : split(clause, ';')) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String key = part.substring(0, eq).replace(":", "").trim();
        if (key.equals(name)) {
          return unquote(part.substring(eq + 1).trim());
        }
      }
    }
    return null;
  }

  /** The first path of a header's first clause, e.g. a symbolic name without its directives. */
  static String firstPath(String header) {
    List<String> clauses = split(header, ',');
    if (clauses.isEmpty()) {
      return null;
    }
    List<String> paths = paths(clauses.get(0));
    return paths.isEmpty() ? null : paths.get(0);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static void addTrimmed(List<String> parts, StringBuilder text) {
    String part = text.toString().trim();
    if (!part.isEmpty()) {
      parts.add(part);
    }
  }
}

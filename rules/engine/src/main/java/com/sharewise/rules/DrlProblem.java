package com.sharewise.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Something wrong (or worth a warning) in a rule set's DRL, with where it is.
 *
 * @param severity {@code ERROR} or {@code WARNING}
 * @param source which file: {@code ruleset} for the version's own DRL, else a plugin resource
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong, naming the construct
 */
// isError() is derived from severity: not written to JSON, and ignored in rows stored before that
@JsonIgnoreProperties("error")
public record DrlProblem(String severity, String source, int line, int column, String message) {

  public static final String ERROR = "ERROR";
  public static final String WARNING = "WARNING";

  /** An error in {@code source} at a position. */
  public static DrlProblem error(String source, int line, int column, String message) {
    return new DrlProblem(ERROR, source, line, column, message);
  }

  public boolean isError() {
    return ERROR.equals(severity);
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}

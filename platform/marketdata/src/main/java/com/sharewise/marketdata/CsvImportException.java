package com.sharewise.marketdata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV file was refused because some of its lines are bad; nothing of it was imported. Lists every
 * bad line (up to {@link #MAX_PROBLEMS}) with its number and reason.
 */
public class CsvImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** At most this many problems are collected; a file this broken is probably the wrong file. */
  public static final int MAX_PROBLEMS = 100;

  private static final int IN_MESSAGE = 10;

  private final transient List<CsvProblem> problems;
  private final boolean truncated;

  public CsvImportException(List<CsvProblem> problems, boolean truncated) {
    super(message(problems, truncated));
    this.problems = List.copyOf(problems);
    this.truncated = truncated;
  }

  /** The bad lines, in file order. */
  public List<CsvProblem> problems() {
    return problems;
  }

  /** Whether there were more bad lines than {@link #problems()} lists. */
  public boolean truncated() {
    return truncated;
  }

  private static String message(List<CsvProblem> problems, boolean truncated) {
    String listed =
        problems.stream()
            .limit(IN_MESSAGE)
            .map(CsvProblem::toString)
            .collect(Collectors.joining("; "));
    String more =
        problems.size() > IN_MESSAGE || truncated
            ? "; … (" + (truncated ? "more than " + problems.size() : problems.size()) + " in all)"
            : "";
    return (truncated ? "more than " + problems.size() : String.valueOf(problems.size()))
        + (problems.size() == 1 && !truncated ? " bad line" : " bad lines")
        + ", nothing imported: "
        + listed
        + more;
  }
}

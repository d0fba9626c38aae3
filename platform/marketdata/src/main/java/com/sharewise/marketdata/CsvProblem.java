package com.sharewise.marketdata;

/**
 * One bad line of an uploaded CSV file.
 *
 * @param line the 1-based line number in the file (the header is line 1)
 * @param reason what is wrong, in words the uploader can act on
 */
public record CsvProblem(int line, String reason) {

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}

package com.sharewise.indicatorengine;

import java.util.List;

/** No indicator plugin provides the requested id. The message lists the ids that exist. */
public final class UnknownIndicatorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final List<String> known;

  public UnknownIndicatorException(String id, List<String> known) {
    super(
        "unknown indicator '"
            + id
            + "'; known: "
            + (known.isEmpty()
                ? "none (no indicator plugin is installed)"
                : String.join(", ", known)));
    this.id = id;
    this.known = List.copyOf(known);
  }

  /** The id asked for. */
  public String id() {
    return id;
  }

  /** The ids available, sorted. */
  public List<String> known() {
    return known;
  }
}

package com.sharewise.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three kinds of rule set; each compiles into its own knowledge base. */
public enum RuleKind {
  /** Filter and enrich strategy signals into order intents. */
  SIGNAL,
  /** Pre-trade risk: approve, modify, hold or reject an order intent. */
  RISK,
  /** Order workflow: hold for approval, execution algorithm, broker routing. */
  WORKFLOW;

  /** The lower-case name used in URLs and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code signal}, {@code risk} or {@code workflow} (any case).
   *
   * @throws IllegalArgumentException naming the valid kinds
   */
  public static RuleKind parse(String text) {
    for (RuleKind kind : values()) {
      if (kind.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule-set kind '" + text + "'; valid kinds: " + validKinds());
  }

  /** The valid kinds, comma separated. */
  public static String validKinds() {
    return Arrays.stream(values()).map(RuleKind::id).collect(Collectors.joining(", "));
  }
}

package com.sharewise.node.config;

import java.util.List;

/** The configuration is unusable; the message lists every problem found, one per line. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}

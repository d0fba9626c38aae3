package com.sharewise.rules.internal;

/**
 * One DRL file of a rule set: the version's own DRL ({@link #RULESET}) or a plugin's resource.
 *
 * @param name {@code ruleset}, or {@code plugin-id/path} for a plugin's file
 * @param drl the text
 */
public record RuleSource(String name, String drl) {

  /** The name of a version's own DRL. */
  public static final String RULESET = "ruleset";
}

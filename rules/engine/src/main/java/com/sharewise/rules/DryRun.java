package com.sharewise.rules;

import java.util.List;
import java.util.Map;

/**
 * What a rule set would decide about given facts, without recording anything.
 *
 * @param kind the rule set
 * @param version the version used
 * @param answer the decision (risk and workflow) or signal decision
 * @param firedRules the rules that fired
 * @param summary the decision in one line
 */
public record DryRun(
    RuleKind kind, int version, Object answer, List<String> firedRules, String summary) {

  /** The versions map shape explanations use. */
  public Map<String, Integer> versions() {
    return Map.of(kind.id(), version);
  }
}

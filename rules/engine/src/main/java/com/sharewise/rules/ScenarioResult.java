package com.sharewise.rules;

import java.util.List;

/**
 * How one scenario went against one version.
 *
 * @param name the scenario
 * @param passed whether every expectation held
 * @param failures each expectation that did not hold, in words ("outcome: expected REJECT, got
 *     APPROVE")
 * @param actual a summary of what the rules decided
 * @param firedRules the rules that fired
 */
public record ScenarioResult(
    String name, boolean passed, List<String> failures, String actual, List<String> firedRules) {}

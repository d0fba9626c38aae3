package com.sharewise.rules;

import com.sharewise.rules.model.Finding;
import com.sharewise.rules.model.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The rules' answer about one order intent, with what explains it.
 *
 * @param decisionId the stored decision's id (for {@link RiskGate#explain})
 * @param outcome approve, modify, hold for approval or reject
 * @param reason the deciding rule's words (empty for a plain approval)
 * @param ruleName the deciding rule, or the engine's cause for a fail-closed rejection ({@code
 *     engine-error}, {@code firing-budget}, {@code time-budget}, {@code no-active-rule-set})
 * @param modifiedQuantity quantity to send instead, 0 = unchanged
 * @param modifiedLimitPrice limit price to send instead, 0 = unchanged
 * @param executionAlgorithm how to work the order ({@code DIRECT} unless a rule chose)
 * @param route broker to send through (the account's own unless a rule chose)
 * @param findings everything every rule said
 * @param versions rule-set versions used, by kind ({@code risk → 3})
 * @param firedRules names of the rules that fired, in order
 * @param elapsedNanos time spent in the rules
 */
public record Verdict(
    String decisionId,
    Outcome outcome,
    String reason,
    String ruleName,
    long modifiedQuantity,
    double modifiedLimitPrice,
    String executionAlgorithm,
    String route,
    List<Finding> findings,
    Map<String, Integer> versions,
    List<String> firedRules,
    long elapsedNanos) {

  /** Whether the order may go on (approved or modified). */
  public boolean mayProceed() {
    return outcome == Outcome.APPROVE || outcome == Outcome.MODIFY;
  }
}

package com.sharewise.rules;

import com.sharewise.rules.model.Finding;
import com.sharewise.rules.model.OrderIntent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signal rules' answer: an order intent, or why there is none.
 *
 * @param decisionId the stored decision's id
 * @param intent the order intent to judge next (id empty: the order area assigns one); empty when
 *     the signal was dropped
 * @param reason why it was dropped, else empty
 * @param ruleName the rule (or engine cause) that dropped it
 * @param findings everything every rule said
 * @param versions rule-set versions used
 * @param firedRules names of the rules that fired
 * @param elapsedNanos time spent in the rules
 */
public record SignalVerdict(
    String decisionId,
    Optional<OrderIntent> intent,
    String reason,
    String ruleName,
    List<Finding> findings,
    Map<String, Integer> versions,
    List<String> firedRules,
    long elapsedNanos) {}

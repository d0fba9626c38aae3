package com.sharewise.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored decision with what explains it, as an order's detail shows it.
 *
 * @param decisionId the decision's id
 * @param kind {@code risk} (risk then workflow) or {@code signal}
 * @param subject the order intent's id, or the signal's strategy and instrument
 * @param accountId the account
 * @param decidedAt when
 * @param outcome the outcome
 * @param ruleName the deciding rule
 * @param reason its words
 * @param versions rule-set versions used, by kind
 * @param firedRules rules that fired, in order
 * @param facts the facts the rules saw (JSON tree)
 * @param answer the full answer (findings, modifications, algorithm, route)
 * @param elapsedMicros time spent in the rules
 */
public record Explanation(
    String decisionId,
    String kind,
    String subject,
    String accountId,
    Instant decidedAt,
    String outcome,
    String ruleName,
    String reason,
    Map<String, Integer> versions,
    List<String> firedRules,
    Object facts,
    Object answer,
    long elapsedMicros) {}

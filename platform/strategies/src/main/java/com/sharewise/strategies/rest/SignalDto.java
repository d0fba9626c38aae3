package com.sharewise.strategies.rest;

import com.sharewise.strategies.StoredSignal;
import java.time.Instant;
import java.util.Map;

/**
 * A strategy signal and what became of it, on the wire and on the {@code signals} stream.
 *
 * @param id ascending in storing order (page with {@code before})
 * @param instanceId the strategy instance
 * @param accountId the account
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param timeframe the triggering series, e.g. {@code 5m}
 * @param action ENTER_LONG, EXIT_LONG, ENTER_SHORT or EXIT_SHORT
 * @param time the triggering bar's end time
 * @param price the reference price (the bar's close)
 * @param reason the strategy's explanation
 * @param attributes indicator values
 * @param outcome ORDERED or DROPPED
 * @param orderId the order, when ordered
 * @param decisionId the signal rules' decision
 * @param rule the rule or check that dropped it (or decided its order)
 * @param outcomeReason why it was dropped, or what became of its order
 */
public record SignalDto(
    long id,
    String instanceId,
    long accountId,
    String instrument,
    String timeframe,
    String action,
    Instant time,
    double price,
    String reason,
    Map<String, String> attributes,
    String outcome,
    String orderId,
    String decisionId,
    String rule,
    String outcomeReason) {

  public static SignalDto of(StoredSignal s) {
    return new SignalDto(
        s.id(),
        s.instanceId(),
        s.accountId(),
        s.instrument().toString(),
        s.timeframe().label(),
        s.action().name(),
        s.time(),
        s.price(),
        s.reason(),
        s.attributes(),
        s.outcome().name(),
        s.orderId(),
        s.decisionId(),
        s.rule(),
        s.outcomeReason());
  }
}

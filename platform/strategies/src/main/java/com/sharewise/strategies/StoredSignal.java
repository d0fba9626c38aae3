package com.sharewise.strategies;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.SignalAction;
import java.time.Instant;
import java.util.Map;

/**
 * A signal as stored, with what became of it.
 *
 * @param id the row's id (ascending in storing order)
 * @param instanceId the strategy instance that emitted it
 * @param accountId the account it traded for
 * @param instrument the instrument
 * @param timeframe the series that triggered it
 * @param action what the strategy wanted
 * @param time the triggering bar's end time
 * @param price the reference price
 * @param reason the strategy's explanation
 * @param attributes indicator values
 * @param outcome ordered or dropped
 * @param orderId the order, when ordered
 * @param decisionId the signal rules' decision
 * @param rule the rule or check that dropped it (or decided its order)
 * @param outcomeReason why it was dropped, or what became of its order
 * @param storedAt when it was stored
 */
public record StoredSignal(
    long id,
    String instanceId,
    long accountId,
    InstrumentId instrument,
    Timeframe timeframe,
    SignalAction action,
    Instant time,
    double price,
    String reason,
    Map<String, String> attributes,
    RoutedSignal.Outcome outcome,
    String orderId,
    String decisionId,
    String rule,
    String outcomeReason,
    Instant storedAt) {}

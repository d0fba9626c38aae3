package com.sharewise.strategies.rest;

import java.util.List;
import java.util.Map;

/**
 * A new strategy instance, or new settings for one (PUT: absent fields keep their value; the
 * account and the strategy type cannot change; given parameters replace all of them, missing ones
 * take their defaults).
 *
 * @param accountId the account it trades for (one of the caller's)
 * @param name a name for lists; blank = the strategy type's name
 * @param strategyType the strategy type's id, see {@code GET /strategies}
 * @param instruments {@code EXCHANGE:SYMBOL} each, at least one
 * @param timeframe the primary timeframe: 1m, 3m, 5m, 15m, 30m, 1h or 1d
 * @param parameters parameter values as text; missing ones take their defaults
 * @param start create it running (POST only; default false: STOPPED)
 */
public record InstanceRequest(
    Long accountId,
    String name,
    String strategyType,
    List<String> instruments,
    String timeframe,
    Map<String, String> parameters,
    Boolean start) {}

package com.sharewise.server.ws;

/**
 * Counters of a hub since it started, for health, metrics and benchmarks.
 *
 * @param sessions connections open now
 * @param subscriptions subscriptions held now, over all connections
 * @param published {@link StreamHub#publish} calls that had at least one subscriber
 * @param delivered data and control messages written to clients
 * @param conflated values replaced by a newer one before they could be sent (slow clients)
 * @param droppedSlowClients connections closed because the client stayed behind
 */
public record StreamHubStats(
    int sessions,
    long subscriptions,
    long published,
    long delivered,
    long conflated,
    long droppedSlowClients) {}

package com.sharewise.backtest.runs;

import java.time.Instant;

/**
 * A backtest as stored: its request, state and, once done, metrics.
 *
 * @param id the backtest's id
 * @param ownerId who asked for it
 * @param optimisationId the optimisation it belongs to, or null
 * @param request what was asked
 * @param status where it stands
 * @param progress fraction of bars replayed, 0 to 1
 * @param bars bars to replay (known once loaded)
 * @param error why it failed, or empty
 * @param metrics when done, else null
 * @param createdAt when it was asked for
 * @param startedAt when it started running, or null
 * @param finishedAt when it finished, or null
 */
public record BacktestView(
    String id,
    long ownerId,
    String optimisationId,
    BacktestRequest request,
    BacktestStatus status,
    double progress,
    long bars,
    String error,
    Metrics metrics,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}

package com.sharewise.backtest.runs;

import java.time.Instant;
import java.util.Map;

/**
 * An optimisation as stored.
 *
 * @param id its id
 * @param ownerId who asked for it
 * @param request what was asked
 * @param status where it stands
 * @param progress fraction of its backtests finished
 * @param runs backtests it runs in all
 * @param error why it failed, else empty
 * @param summary when done: the best parameters and their score (walk-forward: per fold, and the
 *     out-of-sample mean), else null
 * @param createdAt when it was asked for
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null
 */
public record OptimisationView(
    String id,
    long ownerId,
    OptimisationRequest request,
    BacktestStatus status,
    double progress,
    int runs,
    String error,
    Map<String, Object> summary,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}

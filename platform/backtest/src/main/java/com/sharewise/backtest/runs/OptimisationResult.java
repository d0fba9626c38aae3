package com.sharewise.backtest.runs;

import java.time.Instant;
import java.util.Map;

/**
 * One backtest of an optimisation.
 *
 * @param rank its place by the ranking metric among the results of its fold and phase, from 1
 * @param fold the walk-forward fold, 0 otherwise
 * @param phase {@code SEARCH} (grid, random), {@code IN_SAMPLE} or {@code OUT_OF_SAMPLE}
 * @param parameters the parameter values tried
 * @param score the ranking metric (a drawdown is negated, so larger is better), null if undefined
 * @param metrics the backtest's metrics, null if it failed
 * @param error why it failed, else empty
 * @param from start of the range it ran on
 * @param to end of that range
 */
public record OptimisationResult(
    int rank,
    int fold,
    String phase,
    Map<String, String> parameters,
    Double score,
    Metrics metrics,
    String error,
    Instant from,
    Instant to) {}

package com.sharewise.backtest.runs;

/**
 * What the {@code backtests} WebSocket channel carries, keyed by backtest (or optimisation) id:
 * progress while it runs, its final state when it ends.
 *
 * @param id the backtest's or optimisation's id
 * @param kind {@code backtest} or {@code optimisation}
 * @param status where it stands
 * @param progress fraction done, 0 to 1
 * @param done bars replayed (backtest) or runs finished (optimisation)
 * @param total bars or runs in all
 * @param error why it failed, else empty
 */
public record BacktestEvent(
    String id,
    String kind,
    BacktestStatus status,
    double progress,
    long done,
    long total,
    String error) {}

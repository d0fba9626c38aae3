package com.sharewise.backtest.rest;

import com.sharewise.backtest.runs.OptimisationView;
import java.time.Instant;
import java.util.Map;

/** An optimisation: state, progress (backtests finished / all) and, once DONE, its summary. */
public record OptimisationDto(
    String id,
    String strategy,
    String method,
    String status,
    double progress,
    int runs,
    String error,
    Map<String, Object> summary,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  static OptimisationDto of(OptimisationView v) {
    return new OptimisationDto(
        v.id(),
        v.request().backtest().strategy(),
        v.request().method() == null ? "grid" : v.request().method(),
        v.status().name(),
        v.progress(),
        v.runs(),
        v.error(),
        v.summary(),
        v.createdAt(),
        v.startedAt(),
        v.finishedAt());
  }
}

package com.sharewise.backtest.rest;

import com.sharewise.backtest.runs.BacktestView;
import com.sharewise.backtest.runs.Metrics;
import java.time.Instant;

/**
 * A backtest: its state, progress and, once {@code DONE}, metrics ({@link Metrics}: undefined
 * statistics are null). {@code error} says why it FAILED.
 */
public record BacktestDto(
    String id,
    String strategy,
    String status,
    double progress,
    long bars,
    String error,
    BacktestRequestDto request,
    Metrics metrics,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  static BacktestDto of(BacktestView v) {
    return new BacktestDto(
        v.id(),
        v.request().strategy(),
        v.status().name(),
        v.progress(),
        v.bars(),
        v.error(),
        BacktestRequestDto.of(v.request()),
        v.metrics(),
        v.createdAt(),
        v.startedAt(),
        v.finishedAt());
  }
}

package com.sharewise.backtest.runs;

/** Where a backtest (or an optimisation) stands. */
public enum BacktestStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  CANCELLED;

  /** Whether it has stopped for good. */
  public boolean isFinal() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}

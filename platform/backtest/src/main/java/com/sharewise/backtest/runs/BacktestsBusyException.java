package com.sharewise.backtest.runs;

/** Too many backtests or optimisations are waiting: the caller should try again later. */
public final class BacktestsBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BacktestsBusyException(String message) {
    super(message);
  }
}

package com.sharewise.backtest;

/**
 * Follows a running backtest: progress reports, and a way to stop it. Called on the backtest's own
 * thread every few tens of thousands of bars (and once at the end), so it must return quickly.
 */
public interface BacktestObserver {

  /** Observes nothing and never cancels. */
  BacktestObserver NONE = new BacktestObserver() {};

  /**
   * How far the replay is.
   *
   * @param barsDone bars replayed so far
   * @param barsTotal bars to replay in all
   */
  default void progress(long barsDone, long barsTotal) {}

  /**
   * Whether the backtest should stop now; it then ends with {@link BacktestException.Cancelled}.
   */
  default boolean cancelled() {
    return false;
  }
}

package com.sharewise.strategies;

import com.sharewise.api.strategy.Signal;

/**
 * Where a {@link StrategyRunner} hands the signals its strategy emits: the live runtime queues them
 * for storing and routing, a backtest routes them at once.
 *
 * <p>Called on the runner's thread, inside the strategy's {@code onBar}, so it should return
 * quickly. An exception it throws is counted by the runner and never reaches the strategy.
 */
@FunctionalInterface
public interface SignalSink {

  /** Ignores every signal (warm-up, tests of strategies that must not signal). */
  SignalSink NONE = signal -> {};

  void accept(Signal signal);
}

package com.sharewise.backtest.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Where a backtest's broker reports wait until the call that caused them has returned, then run on
 * the backtest's thread, in order, when the engine {@link #drain drains} them (after each signal
 * and after each bar's quote). Live, reports arrive on another thread after the broker's answer;
 * running them inside the paper broker's call instead would apply a fill before the answer that
 * placed the order, and the answer would then be refused as a step backwards (an exception per
 * order). Deterministic: same order every run. Confined to the backtest's thread.
 */
final class DeferredExecutor implements Executor {

  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean draining;

  @Override
  public void execute(Runnable task) {
    queue.addLast(task);
  }

  /** Runs every waiting report, including those the reports cause. */
  void drain() {
    if (draining || queue.isEmpty()) {
      return;
    }
    draining = true;
    try {
      Runnable next;
      while ((next = queue.pollFirst()) != null) {
        next.run();
      }
    } finally {
      draining = false;
    }
  }
}

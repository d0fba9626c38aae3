package com.sharewise.backtest;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Ist;
import com.sharewise.api.strategy.Signal;
import com.sharewise.backtest.internal.BarQuotes;
import com.sharewise.backtest.internal.Desk;
import com.sharewise.backtest.internal.Ledger;
import com.sharewise.backtest.internal.Replay;
import com.sharewise.backtest.internal.SimulatedClock;
import com.sharewise.backtest.metrics.EquityCurve;
import com.sharewise.strategies.RoutedSignal;
import com.sharewise.strategies.StrategyRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The replay loop of one backtest: the hot path. Kept apart from the set-up so what runs per bar is
 * easy to see (and to keep free of allocation and {@code BigDecimal}).
 */
final class Loop {

  private final Replay replay;
  private final SimulatedClock clock;
  private final BarQuotes quotes;
  private final Ledger ledger;
  private final StrategyRunner runner;
  private final Desk desk;
  private final EquityCurve.Builder curve;

  Loop(
      Replay replay,
      SimulatedClock clock,
      BarQuotes quotes,
      Ledger ledger,
      StrategyRunner runner,
      Desk desk) {
    this.replay = replay;
    this.clock = clock;
    this.quotes = quotes;
    this.ledger = ledger;
    this.runner = runner;
    this.desk = desk;
    this.curve = EquityCurve.builder((int) Math.min(Integer.MAX_VALUE, replay.primaryCount()));
  }

  /**
   * Replays every bar.
   *
   * @param pending where the runner's sink puts the signals of the bar being replayed
   * @param route routes one signal
   * @param every how many primary bars between progress reports and cancellation checks
   * @return every signal and what became of it
   */
  List<RoutedSignal> run(
      List<Signal> pending,
      Function<Signal, RoutedSignal> route,
      BacktestObserver observer,
      int every) {
    List<RoutedSignal> routed = new ArrayList<>();
    long total = replay.primaryCount();
    long done = 0;
    long pointTime = Long.MIN_VALUE;
    long session = Long.MIN_VALUE;
    for (int n = 0, size = replay.size(); n < size; n++) {
      Bar bar = replay.bar(n);
      long end = replay.endMillis(n);
      boolean primary = replay.primary(n);
      if (primary && end != pointTime) {
        if (pointTime != Long.MIN_VALUE) {
          point(pointTime);
        }
        pointTime = end;
      }
      int i = replay.instrument(n);
      if (primary) {
        long day = Ist.epochDay(replay.openMillis(n));
        if (day != session) {
          if (session != Long.MIN_VALUE) {
            desk.newSession(); // at the previous bar's time: the session closed then
          }
          session = day;
        }
      }
      clock.set(end);
      if (primary) {
        quotes.onBar(i, replay.openMillis(n), end, bar.close(), bar.volume());
        desk.settle(); // the paper broker's resting orders may have filled on this quote
        ledger.mark(i, bar.close());
      }
      if (!runner.onBar(bar) && runner.state() != StrategyRunner.State.RUNNING) {
        throw BacktestEngine.failed(runner);
      }
      if (!pending.isEmpty()) {
        for (Signal signal : pending) {
          routed.add(route.apply(signal));
          desk.settle();
        }
        pending.clear();
      }
      desk.runDue();
      if (primary && ++done % every == 0) {
        observer.progress(done, total);
        if (observer.cancelled()) {
          throw new BacktestException.Cancelled(
              "cancelled after " + done + " of " + total + " bars");
        }
      }
    }
    point(pointTime);
    observer.progress(done, total);
    return routed;
  }

  private void point(long time) {
    double equity = ledger.equity();
    if (!(equity > 0) || Double.isInfinite(equity)) {
      throw new BacktestException.Failed(
          "the account's equity fell to "
              + Math.round(equity)
              + " rupees at "
              + Instant.ofEpochMilli(time)
              + "; the backtest stops there",
          null);
    }
    curve.append(time, equity, ledger.inMarket());
  }

  EquityCurve curve() {
    return curve.build();
  }
}

package com.sharewise.backtest;

import com.sharewise.backtest.metrics.ClosedTrade;
import com.sharewise.backtest.metrics.EquityCurve;
import com.sharewise.backtest.metrics.PerformanceReport;
import com.sharewise.orders.AccountFill;
import com.sharewise.orders.Order;
import com.sharewise.strategies.RoutedSignal;
import java.util.List;
import java.util.Objects;

/**
 * What a finished backtest produced. Immutable.
 *
 * @param report the metrics, computed on the full-resolution equity curve
 * @param equity one point per bar time: cash plus positions marked at the bar's close
 * @param benchmark the benchmark's closes on the equity curve's times, or empty
 * @param trades closed round trips, matched first-in first-out, net of charges
 * @param orders every order the strategy's signals led to, in creation order
 * @param fills every execution, in order
 * @param signals every signal and what became of it
 * @param stats counters of the run
 */
public record BacktestResult(
    PerformanceReport report,
    EquityCurve equity,
    EquityCurve benchmark,
    List<ClosedTrade> trades,
    List<Order> orders,
    List<AccountFill> fills,
    List<RoutedSignal> signals,
    Stats stats) {

  public BacktestResult {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(benchmark, "benchmark");
    trades = List.copyOf(trades);
    orders = List.copyOf(orders);
    fills = List.copyOf(fills);
    signals = List.copyOf(signals);
    Objects.requireNonNull(stats, "stats");
  }

  /**
   * Counters.
   *
   * @param bars primary bars replayed
   * @param strategyBars bars the strategy received (primary and extra timeframes)
   * @param signals signals the strategy emitted
   * @param orders orders placed for them
   * @param elapsedNanos wall time of the replay, for the record (never in the metrics)
   */
  public record Stats(long bars, long strategyBars, long signals, long orders, long elapsedNanos) {}
}

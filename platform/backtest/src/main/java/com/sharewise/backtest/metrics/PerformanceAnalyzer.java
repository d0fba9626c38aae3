package com.sharewise.backtest.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Computes a {@link PerformanceReport} from a backtest's equity curve and closed trades, and
 * optionally a benchmark.
 *
 * <p>Immutable and safe to share between threads; each call is a pure function of its arguments. It
 * runs in expected {@code O(n)} for {@code n} points (VaR selects the worst returns and sorts only
 * those) and allocates a few arrays of {@code n} doubles.
 */
public final class PerformanceAnalyzer {

  private final Annualisation annualisation;

  /** An analyzer that annualises with {@code annualisation}. */
  public PerformanceAnalyzer(Annualisation annualisation) {
    this.annualisation = Objects.requireNonNull(annualisation, "annualisation");
  }

  /** The annualisation and risk-free rate this analyzer uses. */
  public Annualisation annualisation() {
    return annualisation;
  }

  /**
   * The report of {@code curve} and {@code trades}, without benchmark (beta and alpha are {@code
   * NaN}).
   *
   * @throws IllegalArgumentException if the curve is empty
   */
  public PerformanceReport analyse(EquityCurve curve, List<ClosedTrade> trades) {
    return report(curve, trades, null);
  }

  /**
   * The report of {@code curve} and {@code trades} against {@code benchmark}, a price or equity
   * series with exactly the curve's timestamps.
   *
   * @throws IllegalArgumentException if the curve is empty, or if the benchmark is not aligned with
   *     it (naming both sizes, or the first time that differs)
   */
  public PerformanceReport analyse(
      EquityCurve curve, List<ClosedTrade> trades, EquityCurve benchmark) {
    requireNotEmpty(curve);
    curve.requireAlignedWith(Objects.requireNonNull(benchmark, "benchmark"), "benchmark");
    return report(curve, trades, benchmark);
  }

  /** The report; {@code benchmark} is null or already aligned with {@code curve}. */
  private PerformanceReport report(
      EquityCurve curve, List<ClosedTrade> trades, EquityCurve benchmark) {
    requireNotEmpty(curve);
    int last = curve.size() - 1;
    double initial = curve.equity(0);
    double fin = curve.equity(last);
    double[] returns = curve.returns();
    double[] worst =
        TailRisk.worst(
            returns,
            Math.max(
                TailRisk.tailSize(returns.length, 0.95), TailRisk.tailSize(returns.length, 0.99)));
    TailRisk risk95 = TailRisk.fromWorst(worst, returns.length, 0.95);
    TailRisk risk99 = TailRisk.fromWorst(worst, returns.length, 0.99);
    DrawdownCurve drawdowns = DrawdownCurve.of(curve);
    TradeStatistics tradeStats = TradeStatistics.of(trades);
    BenchmarkComparison comparison =
        benchmark == null
            ? BenchmarkComparison.NONE
            : BenchmarkComparison.of(returns, benchmark.returns(), annualisation);
    return new PerformanceReport(
        curve.time(0),
        curve.time(last),
        initial,
        fin,
        returns.length,
        fin / initial - 1,
        ReturnStatistics.compoundAnnualGrowthRate(
            initial, fin, curve.timeMillis(last) - curve.timeMillis(0)),
        ReturnStatistics.annualisedVolatility(returns, annualisation),
        ReturnStatistics.sharpeRatio(returns, annualisation),
        ReturnStatistics.sortinoRatio(returns, annualisation),
        drawdowns.maxDrawdown(),
        drawdowns.maxDrawdownDuration(),
        drawdowns.recovered(),
        drawdowns,
        (double) curve.pointsInMarket() / curve.size(),
        risk95.valueAtRisk(),
        risk95.expectedShortfall(),
        risk99.valueAtRisk(),
        risk99.expectedShortfall(),
        tradeStats.numberOfTrades(),
        tradeStats.winRate(),
        tradeStats.profitFactor(),
        tradeStats.expectancy(),
        tradeStats.averageWin(),
        tradeStats.averageLoss(),
        tradeStats.netProfit(),
        tradeStats.totalCharges(),
        comparison.beta(),
        comparison.alpha());
  }

  private static void requireNotEmpty(EquityCurve curve) {
    if (curve.isEmpty()) {
      throw new IllegalArgumentException(
          "equity curve is empty; a performance report needs at least the starting equity");
    }
  }
}

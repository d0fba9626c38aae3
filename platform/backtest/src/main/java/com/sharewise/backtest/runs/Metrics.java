package com.sharewise.backtest.runs;

import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.metrics.PerformanceReport;
import java.time.Instant;

/**
 * A finished backtest's metrics as the API shows and the store keeps them (JSON). Fractions are
 * plain numbers ({@code 0.05} = 5 %), money is rupees; a statistic that is undefined for the run (a
 * win rate without trades, a profit factor without losses) is {@code null}. Computed on the
 * full-resolution equity curve. See the backtest module's README for every formula.
 *
 * @param start first equity point
 * @param end last equity point
 * @param initialEquity rupees
 * @param finalEquity rupees
 * @param totalReturn fraction
 * @param cagr compound annual growth rate, fraction per year
 * @param annualisedVolatility fraction per year
 * @param sharpeRatio annualised
 * @param sortinoRatio annualised
 * @param maxDrawdown deepest fall from a high, fraction
 * @param maxDrawdownDuration from the deepest drawdown's peak to recovery (or the end), ISO-8601
 * @param maxDrawdownRecovered whether equity regained that peak
 * @param exposure fraction of bars with a position open
 * @param valueAtRisk95 historical VaR at 95 %, loss fraction per bar
 * @param expectedShortfall95 historical CVaR at 95 %, loss fraction per bar
 * @param valueAtRisk99 historical VaR at 99 %
 * @param expectedShortfall99 historical CVaR at 99 %
 * @param trades closed round trips
 * @param winRate fraction of trades with a profit after charges
 * @param profitFactor gross profit / gross loss
 * @param expectancy mean pnl per trade, rupees
 * @param averageWin rupees
 * @param averageLoss rupees, negative
 * @param netProfit sum of trade pnls, rupees
 * @param totalCharges fees and taxes, rupees
 * @param beta against the benchmark
 * @param alpha annualised Jensen's alpha against the benchmark, fraction per year
 * @param bars bars replayed
 * @param signals signals the strategy emitted
 * @param orders orders placed
 */
public record Metrics(
    Instant start,
    Instant end,
    double initialEquity,
    double finalEquity,
    Double totalReturn,
    Double cagr,
    Double annualisedVolatility,
    Double sharpeRatio,
    Double sortinoRatio,
    Double maxDrawdown,
    String maxDrawdownDuration,
    boolean maxDrawdownRecovered,
    Double exposure,
    Double valueAtRisk95,
    Double expectedShortfall95,
    Double valueAtRisk99,
    Double expectedShortfall99,
    int trades,
    Double winRate,
    Double profitFactor,
    Double expectancy,
    Double averageWin,
    Double averageLoss,
    Double netProfit,
    Double totalCharges,
    Double beta,
    Double alpha,
    long bars,
    long signals,
    long orders) {

  /** The metrics of a result. */
  public static Metrics of(BacktestResult result) {
    PerformanceReport r = result.report();
    return new Metrics(
        r.start(),
        r.end(),
        r.initialEquity(),
        r.finalEquity(),
        finite(r.totalReturn()),
        finite(r.cagr()),
        finite(r.annualisedVolatility()),
        finite(r.sharpeRatio()),
        finite(r.sortinoRatio()),
        finite(r.maxDrawdown()),
        r.maxDrawdownDuration().toString(),
        r.maxDrawdownRecovered(),
        finite(r.exposure()),
        finite(r.valueAtRisk95()),
        finite(r.expectedShortfall95()),
        finite(r.valueAtRisk99()),
        finite(r.expectedShortfall99()),
        r.numberOfTrades(),
        finite(r.winRate()),
        finite(r.profitFactor()),
        finite(r.expectancy()),
        finite(r.averageWin()),
        finite(r.averageLoss()),
        finite(r.netProfit()),
        finite(r.totalCharges()),
        finite(r.beta()),
        finite(r.alpha()),
        result.stats().bars(),
        result.stats().signals(),
        result.stats().orders());
  }

  /** JSON has no NaN or infinity: an undefined or unbounded statistic is null. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

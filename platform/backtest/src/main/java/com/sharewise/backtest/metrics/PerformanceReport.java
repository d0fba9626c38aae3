package com.sharewise.backtest.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * The performance of one backtest, as {@link PerformanceAnalyzer} computes it.
 *
 * <p>Fractions are plain numbers ({@code 0.05} is 5 %); money is rupees; "per year" figures use the
 * {@link Annualisation} the analyzer was given. Statistics that are undefined for the input are
 * {@link Double#NaN}, as each field says. The module's {@code README.md} lists every formula.
 *
 * @param start time of the first point of the equity curve
 * @param end time of the last point
 * @param initialEquity equity at {@code start}, rupees
 * @param finalEquity equity at {@code end}, rupees
 * @param periods number of periodic returns, one fewer than the curve's points
 * @param totalReturn {@code finalEquity / initialEquity - 1}, fraction
 * @param cagr compound annual growth rate over calendar time (365.25-day years), fraction per year;
 *     {@code NaN} for a single point
 * @param annualisedVolatility sample standard deviation of the periodic returns × {@code
 *     sqrt(periodsPerYear)}, fraction per year; {@code NaN} for fewer than two returns
 * @param sharpeRatio annualised Sharpe ratio, dimensionless; {@code NaN} for fewer than two returns
 *     or zero volatility (constant equity)
 * @param sortinoRatio annualised Sortino ratio, dimensionless; {@code +∞} when no return falls
 *     below the risk-free rate and the mean excess is positive, {@code NaN} for no returns or when
 *     every return equals the risk-free rate
 * @param maxDrawdown deepest fall from a high-water mark, fraction of that mark in [0, 1)
 * @param maxDrawdownDuration calendar time from the deepest drawdown's peak to its recovery, or to
 *     {@code end} if it has not recovered; zero without drawdown
 * @param maxDrawdownRecovered whether equity regained the deepest drawdown's peak
 * @param drawdowns the drawdown fraction at every point of the curve
 * @param exposure fraction of the curve's points with an open position, in [0, 1]
 * @param valueAtRisk95 historical VaR at 95 % of the periodic returns, loss fraction per period;
 *     {@code NaN} for no returns
 * @param expectedShortfall95 historical CVaR (expected shortfall) at 95 %, loss fraction per
 *     period; {@code NaN} for no returns
 * @param valueAtRisk99 historical VaR at 99 %, loss fraction per period; {@code NaN} for no returns
 * @param expectedShortfall99 historical CVaR at 99 %, loss fraction per period; {@code NaN} for no
 *     returns
 * @param numberOfTrades closed trades
 * @param winRate fraction of trades with positive net pnl; {@code NaN} with no trades
 * @param profitFactor gross profit / gross loss, dimensionless; {@code +∞} with profit and no loss,
 *     {@code NaN} with neither
 * @param expectancy mean net pnl per trade, rupees; {@code NaN} with no trades
 * @param averageWin mean net pnl of winning trades, rupees, positive; {@code NaN} with no wins
 * @param averageLoss mean net pnl of losing trades, rupees, <em>negative</em>; {@code NaN} with no
 *     losses
 * @param netProfit sum of the trades' net pnls, rupees
 * @param totalCharges sum of the trades' charges, rupees (already inside the pnls)
 * @param beta sensitivity of the returns to the benchmark's, dimensionless; {@code NaN} without a
 *     benchmark, with fewer than two returns, or with a constant benchmark
 * @param alpha annualised Jensen's alpha against the benchmark, fraction per year; {@code NaN} when
 *     beta is
 */
public record PerformanceReport(
    Instant start,
    Instant end,
    double initialEquity,
    double finalEquity,
    int periods,
    double totalReturn,
    double cagr,
    double annualisedVolatility,
    double sharpeRatio,
    double sortinoRatio,
    double maxDrawdown,
    Duration maxDrawdownDuration,
    boolean maxDrawdownRecovered,
    DrawdownCurve drawdowns,
    double exposure,
    double valueAtRisk95,
    double expectedShortfall95,
    double valueAtRisk99,
    double expectedShortfall99,
    int numberOfTrades,
    double winRate,
    double profitFactor,
    double expectancy,
    double averageWin,
    double averageLoss,
    double netProfit,
    double totalCharges,
    double beta,
    double alpha) {}

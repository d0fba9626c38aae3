/**
 * Performance analytics of a backtest: returns, risk-adjusted returns, drawdowns, tail risk, trade
 * statistics and comparison with a benchmark or other strategies.
 *
 * <p>Everything here is pure and deterministic: the same inputs always give the same numbers, and
 * no method keeps state between calls. Arithmetic is {@code double}. Undefined statistics (a
 * volatility of one return, a win rate of zero trades) are {@link Double#NaN} rather than
 * exceptions, so a report can always be produced for a curve with at least one point; each method's
 * javadoc says when it returns {@code NaN}. Returns, drawdowns and risk figures are fractions
 * ({@code 0.05} is 5 %); money amounts are in the account currency (rupees).
 *
 * <p>The formulas and conventions are listed in the module's {@code README.md}.
 */
package com.sharewise.backtest.metrics;

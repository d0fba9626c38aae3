package com.sharewise.backtest.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A backtest as a user asks for it, in the API's terms (text instruments and timeframe, text
 * parameter values); {@link Backtests} checks every field and names the one that is wrong. Stored
 * with the run, so it can be repeated.
 *
 * @param strategy the strategy plugin's id, e.g. {@code sma-crossover}
 * @param parameters parameter values by name; missing ones take their defaults
 * @param instruments {@code EXCHANGE:SYMBOL}, at least one
 * @param timeframe e.g. {@code 1m}
 * @param from first bar's open time (inclusive)
 * @param to end of the range (exclusive)
 * @param accountId the account whose risk limits the rules apply; null: the default limits
 * @param initialCapital rupees; null: 10,00,000
 * @param brokerSettings paper broker settings (slippage, latency, fees)
 * @param benchmark {@code EXCHANGE:SYMBOL} to measure beta and alpha against, or null
 * @param riskFreeRate annual, a fraction (0.065 = 6.5 %); null: 0
 * @param warmUpBars bars before {@code from} given to the strategy's series first; null: 0
 */
public record BacktestRequest(
    String strategy,
    Map<String, String> parameters,
    List<String> instruments,
    String timeframe,
    Instant from,
    Instant to,
    Long accountId,
    BigDecimal initialCapital,
    Map<String, String> brokerSettings,
    String benchmark,
    Double riskFreeRate,
    Integer warmUpBars) {

  public BacktestRequest {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    instruments = instruments == null ? List.of() : List.copyOf(instruments);
    brokerSettings = brokerSettings == null ? Map.of() : Map.copyOf(brokerSettings);
  }

  /** The same request with other parameter values. */
  public BacktestRequest withParameters(Map<String, String> values) {
    return new BacktestRequest(
        strategy,
        values,
        instruments,
        timeframe,
        from,
        to,
        accountId,
        initialCapital,
        brokerSettings,
        benchmark,
        riskFreeRate,
        warmUpBars);
  }

  /** The same request over another range. */
  public BacktestRequest withRange(Instant start, Instant end) {
    return new BacktestRequest(
        strategy,
        parameters,
        instruments,
        timeframe,
        start,
        end,
        accountId,
        initialCapital,
        brokerSettings,
        benchmark,
        riskFreeRate,
        warmUpBars);
  }
}

package com.sharewise.backtest;

import com.sharewise.api.strategy.StrategyFactory;
import java.util.Map;
import java.util.Objects;

/**
 * One backtest: which strategy with which parameter values, on what market, for which simulated
 * account, judged by which rules.
 *
 * @param strategy the strategy plugin's factory
 * @param parameters parameter values as text by name; missing ones take their defaults
 * @param market instruments, timeframe and benchmark
 * @param account capital and paper broker settings
 * @param gates the signal and risk rules
 */
public record BacktestSpec(
    StrategyFactory strategy,
    Map<String, String> parameters,
    Market market,
    PaperAccount account,
    BacktestGates gates) {

  public BacktestSpec {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(gates, "gates");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** The same backtest with other parameter values (optimisation). */
  public BacktestSpec withParameters(Map<String, String> values) {
    return new BacktestSpec(strategy, values, market, account, gates);
  }
}

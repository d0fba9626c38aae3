package com.sharewise.backtest.rest;

import com.sharewise.backtest.runs.BacktestRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /backtests}: see {@link BacktestRequest} for each field. Unknown fields
 * are refused.
 */
public record BacktestRequestDto(
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

  BacktestRequest toRequest() {
    return new BacktestRequest(
        strategy,
        parameters,
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

  static BacktestRequestDto of(BacktestRequest r) {
    return new BacktestRequestDto(
        r.strategy(),
        r.parameters(),
        r.instruments(),
        r.timeframe(),
        r.from(),
        r.to(),
        r.accountId(),
        r.initialCapital(),
        r.brokerSettings(),
        r.benchmark(),
        r.riskFreeRate(),
        r.warmUpBars());
  }
}

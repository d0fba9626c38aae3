package com.sharewise.backtest.runs;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestSpec;
import java.time.Instant;

/**
 * A checked request: the engine's spec plus what is needed to load its bars.
 *
 * @param spec strategy, parameters, market, account and rules
 * @param from first bar's open time
 * @param to end of the range (exclusive)
 * @param warmUpBars history bars before {@code from}
 * @param riskFreeRate annual fraction
 */
record Prepared(BacktestSpec spec, Instant from, Instant to, int warmUpBars, double riskFreeRate) {

  Timeframe timeframe() {
    return spec.market().timeframe();
  }

  java.util.List<InstrumentId> instruments() {
    return spec.market().instruments();
  }

  /** The same backtest over another range (walk-forward windows). */
  Prepared over(Instant start, Instant end) {
    return new Prepared(spec, start, end, warmUpBars, riskFreeRate);
  }
}

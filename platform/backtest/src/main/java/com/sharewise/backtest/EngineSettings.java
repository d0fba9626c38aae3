package com.sharewise.backtest;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine runs backtests, the same for every run of a node.
 *
 * @param maximumBarCount bars kept per strategy series (ta4j drops older ones); must cover the
 *     longest look-back a strategy uses
 * @param timeBudget longest a strategy's {@code onBar} may take before the run fails; {@link
 *     Duration#ZERO} for none
 * @param riskFreeRate annual risk-free rate for Sharpe, Sortino and alpha, a fraction
 * @param seed seeds the order ids, so two runs of the same input give identical results
 * @param progressEvery how many bars between progress reports (and cancellation checks)
 */
public record EngineSettings(
    int maximumBarCount, Duration timeBudget, double riskFreeRate, long seed, int progressEvery) {

  /**
   * 2,000 bars per series, ten seconds per bar, no risk-free rate, seed 1, every 65,536 bars. The
   * budget only stops runaway strategies: it is wall time, so a garbage-collection pause counts
   * against it, and a tight one would make the same backtest fail on a busy machine and not on an
   * idle one.
   */
  public static final EngineSettings DEFAULTS =
      new EngineSettings(2_000, Duration.ofSeconds(10), 0, 1, 1 << 16);

  public EngineSettings {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (maximumBarCount < 2) {
      throw new IllegalArgumentException("maximumBarCount must be at least 2");
    }
    if (progressEvery < 1) {
      throw new IllegalArgumentException("progressEvery must be positive");
    }
  }

  /** The same settings with another risk-free rate. */
  public EngineSettings withRiskFreeRate(double rate) {
    return new EngineSettings(maximumBarCount, timeBudget, rate, seed, progressEvery);
  }
}

package com.sharewise.backtest.runs;

import com.sharewise.backtest.optimise.ParameterRange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimisation as a user asks for it.
 *
 * @param backtest the backtest to vary: strategy, instruments, range, account…; its parameters are
 *     the fixed values of parameters not in {@code ranges}
 * @param method {@code grid}, {@code random} or {@code walk-forward}
 * @param ranges the values each optimised parameter takes, by name
 * @param samples how many combinations random search tries (random, or walk-forward searching at
 *     random); null: 100
 * @param seed seeds random search, so the same request tries the same combinations; null: 1
 * @param rankBy the metric results are ranked by, e.g. {@code sharpeRatio}; null: sharpeRatio
 * @param walkForward the windows of a walk-forward analysis, else null
 */
public record OptimisationRequest(
    BacktestRequest backtest,
    String method,
    Map<String, ParameterRange> ranges,
    Integer samples,
    Long seed,
    String rankBy,
    WalkForward walkForward) {

  public OptimisationRequest {
    ranges =
        ranges == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }

  /**
   * Rolling walk-forward windows.
   *
   * @param inSample length of each in-sample range, e.g. {@code P60D}
   * @param outOfSample length of each out-of-sample range and the step between folds, e.g. {@code
   *     P20D}
   * @param search how each in-sample range is searched: {@code grid} (default) or {@code random}
   */
  public record WalkForward(Duration inSample, Duration outOfSample, String search) {}
}

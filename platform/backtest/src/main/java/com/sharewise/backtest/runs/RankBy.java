package com.sharewise.backtest.runs;

import com.sharewise.backtest.BacktestException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metric optimisation results are ranked by, best first. A run whose metric is undefined (no
 * trades for a win rate) ranks last.
 */
public enum RankBy {
  SHARPE("sharpeRatio", Metrics::sharpeRatio, true),
  SORTINO("sortinoRatio", Metrics::sortinoRatio, true),
  TOTAL_RETURN("totalReturn", Metrics::totalReturn, true),
  CAGR("cagr", Metrics::cagr, true),
  NET_PROFIT("netProfit", Metrics::netProfit, true),
  PROFIT_FACTOR("profitFactor", Metrics::profitFactor, true),
  WIN_RATE("winRate", Metrics::winRate, true),
  EXPECTANCY("expectancy", Metrics::expectancy, true),
  MAX_DRAWDOWN("maxDrawdown", Metrics::maxDrawdown, false);

  private final String field;
  private final Function<Metrics, Double> value;
  private final boolean higherIsBetter;

  RankBy(String field, Function<Metrics, Double> value, boolean higherIsBetter) {
    this.field = field;
    this.value = value;
    this.higherIsBetter = higherIsBetter;
  }

  /** The metric's name in {@link Metrics} and the API. */
  public String field() {
    return field;
  }

  /**
   * The score of {@code metrics}: larger is better (a drawdown is negated), null when undefined.
   */
  public Double score(Metrics metrics) {
    Double v = value.apply(metrics);
    return v == null ? null : higherIsBetter ? v : -v;
  }

  /**
   * Parses a metric name such as {@code sharpeRatio} (case-insensitive).
   *
   * @throws BacktestException.Invalid naming {@code rankBy} and the valid names
   */
  public static RankBy parse(String text) {
    if (text == null || text.isBlank()) {
      return SHARPE;
    }
    for (RankBy r : values()) {
      if (r.field.equalsIgnoreCase(text.trim()) || r.name().equalsIgnoreCase(text.trim())) {
        return r;
      }
    }
    throw new BacktestException.Invalid(
        "rankBy",
        "unknown rankBy '"
            + text
            + "'; valid: "
            + Arrays.stream(values()).map(RankBy::field).collect(Collectors.joining(", ")));
  }
}

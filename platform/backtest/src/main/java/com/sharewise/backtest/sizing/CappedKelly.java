package com.sharewise.backtest.sizing;

import com.sharewise.backtest.metrics.TradeStatistics;

/**
 * The Kelly criterion's fraction of equity to commit, capped: full Kelly maximises long-run growth
 * only if the win rate and payoff are known exactly, and estimates from a backtest never are, so
 * practitioners bet a fraction of it.
 *
 * <p>{@code kelly = W - (1 - W) / R} for win rate {@code W} and win/loss ratio {@code R} (average
 * win / magnitude of average loss); the capped fraction is {@code min(maxFraction, max(0, kelly))}.
 * It is never negative: a negative Kelly fraction says "do not trade", not "take the other side".
 * Undefined inputs ({@code NaN}, as {@link TradeStatistics} reports for no trades, no wins or no
 * losses) give 0: without an observed loss size the risk is unknown.
 *
 * <p>Combine it with {@link FixedFractionSizing} to turn the fraction into a quantity.
 *
 * @param maxFraction the cap, in (0, 1] ({@code 0.25} never commits more than 25 %)
 */
public record CappedKelly(double maxFraction) {

  public CappedKelly {
    Lots.requireFraction(maxFraction, "maximum fraction");
  }

  /**
   * The uncapped Kelly fraction {@code W - (1 - W) / R}; negative when the edge is negative.
   *
   * @param winRate fraction of winning trades, in [0, 1]
   * @param winLossRatio average win / magnitude of average loss, positive
   */
  public static double kellyFraction(double winRate, double winLossRatio) {
    if (!(winRate >= 0 && winRate <= 1)) {
      throw new IllegalArgumentException("win rate must lie in [0, 1], got " + winRate);
    }
    if (!(winLossRatio > 0)) {
      throw new IllegalArgumentException("win/loss ratio must be positive, got " + winLossRatio);
    }
    return winRate - (1 - winRate) / winLossRatio;
  }

  /**
   * The capped fraction of equity, in [0, {@code maxFraction}]; 0 if either input is {@code NaN}.
   *
   * @param winRate fraction of winning trades, in [0, 1], or {@code NaN}
   * @param winLossRatio average win / magnitude of average loss, positive, or {@code NaN}
   */
  public double fraction(double winRate, double winLossRatio) {
    if (Double.isNaN(winRate) || Double.isNaN(winLossRatio)) {
      return 0;
    }
    return Math.min(maxFraction, Math.max(0, kellyFraction(winRate, winLossRatio)));
  }

  /** The capped fraction from a backtest's trades; 0 without both wins and losses. */
  public double fraction(TradeStatistics trades) {
    return fraction(trades.winRate(), trades.winLossRatio());
  }
}

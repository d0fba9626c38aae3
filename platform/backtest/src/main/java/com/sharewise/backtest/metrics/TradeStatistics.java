package com.sharewise.backtest.metrics;

import java.util.List;

/**
 * Statistics of closed trades, from each trade's {@link ClosedTrade#pnl() pnl} net of charges.
 *
 * <p>A trade with {@code pnl > 0} is a win, with {@code pnl < 0} a loss; a trade with {@code pnl ==
 * 0} (a scratch) is neither but counts in {@code numberOfTrades}, so it lowers the win rate.
 *
 * <p>With zero trades every ratio and average is {@code NaN} (not 0): "no evidence" must not look
 * like "never wins" to a sizing rule or a ranking.
 *
 * @param numberOfTrades closed trades, wins + losses + scratches
 * @param wins trades with {@code pnl > 0}
 * @param losses trades with {@code pnl < 0}
 * @param winRate {@code wins / numberOfTrades}, a fraction in [0, 1]; {@code NaN} with no trades
 * @param grossProfit sum of the winning pnls, rupees, ≥ 0
 * @param grossLoss magnitude of the sum of the losing pnls, rupees, ≥ 0
 * @param netProfit sum of all pnls, {@code grossProfit - grossLoss}, rupees
 * @param profitFactor {@code grossProfit / grossLoss}: {@link Double#POSITIVE_INFINITY} when there
 *     is a profit and no loss, {@code NaN} when both are 0 (no trades, or only scratches), 0 when
 *     there are losses and no wins
 * @param expectancy mean pnl per trade, {@code netProfit / numberOfTrades}, rupees; {@code NaN}
 *     with no trades
 * @param averageWin mean pnl of the wins, rupees, > 0; {@code NaN} with no wins
 * @param averageLoss mean pnl of the losses, rupees, <em>negative</em>; {@code NaN} with no losses
 * @param totalCharges sum of the trades' charges, rupees (already inside the pnls)
 */
public record TradeStatistics(
    int numberOfTrades,
    int wins,
    int losses,
    double winRate,
    double grossProfit,
    double grossLoss,
    double netProfit,
    double profitFactor,
    double expectancy,
    double averageWin,
    double averageLoss,
    double totalCharges) {

  /** The statistics of {@code trades}. */
  public static TradeStatistics of(List<ClosedTrade> trades) {
    int wins = 0;
    int losses = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double charges = 0;
    for (ClosedTrade trade : trades) {
      if (trade.isWin()) {
        wins++;
        grossProfit += trade.pnl();
      } else if (trade.isLoss()) {
        losses++;
        grossLoss -= trade.pnl();
      }
      charges += trade.charges();
    }
    int n = trades.size();
    double netProfit = grossProfit - grossLoss;
    return new TradeStatistics(
        n,
        wins,
        losses,
        n == 0 ? Double.NaN : (double) wins / n,
        grossProfit,
        grossLoss,
        netProfit,
        profitFactor(grossProfit, grossLoss),
        n == 0 ? Double.NaN : netProfit / n,
        wins == 0 ? Double.NaN : grossProfit / wins,
        losses == 0 ? Double.NaN : -grossLoss / losses,
        charges);
  }

  /**
   * The ratio of the average win to the magnitude of the average loss, {@code averageWin /
   * -averageLoss}, as the Kelly criterion wants it; {@code NaN} without both wins and losses.
   */
  public double winLossRatio() {
    return averageWin / -averageLoss;
  }

  private static double profitFactor(double grossProfit, double grossLoss) {
    if (grossLoss == 0) {
      return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return grossProfit / grossLoss;
  }
}

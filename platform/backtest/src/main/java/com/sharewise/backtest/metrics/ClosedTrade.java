package com.sharewise.backtest.metrics;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A round trip a backtest opened and closed.
 *
 * @param instrument what was traded
 * @param side the side of the opening order: {@link OrderSide#BUY} for a long trade, {@link
 *     OrderSide#SELL} for a short one
 * @param entryTime when the position was opened
 * @param exitTime when it was closed, not before {@code entryTime}
 * @param entryPrice average fill price of the opening, rupees per share, positive
 * @param exitPrice average fill price of the closing, rupees per share, positive
 * @param quantity shares, positive
 * @param pnl profit (positive) or loss (negative) of the round trip in rupees, <em>net</em> of
 *     {@code charges}; the trade statistics use this number as it is
 * @param charges brokerage, taxes and fees of both legs, rupees, not negative; already deducted
 *     from {@code pnl} and reported for information
 */
public record ClosedTrade(
    InstrumentId instrument,
    OrderSide side,
    Instant entryTime,
    Instant exitTime,
    double entryPrice,
    double exitPrice,
    long quantity,
    double pnl,
    double charges) {

  public ClosedTrade {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(entryTime, "entryTime");
    Objects.requireNonNull(exitTime, "exitTime");
    if (exitTime.isBefore(entryTime)) {
      throw new IllegalArgumentException(
          instrument + " trade exits at " + exitTime + " before its entry at " + entryTime);
    }
    requirePositive(entryPrice, "entryPrice", instrument);
    requirePositive(exitPrice, "exitPrice", instrument);
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          instrument + " trade quantity must be positive, got " + quantity);
    }
    if (!Double.isFinite(pnl)) {
      throw new IllegalArgumentException(instrument + " trade pnl must be finite, got " + pnl);
    }
    if (!(charges >= 0) || Double.isInfinite(charges)) {
      throw new IllegalArgumentException(
          instrument + " trade charges must be finite and not negative, got " + charges);
    }
  }

  /** How long the position was held. */
  public Duration holding() {
    return Duration.between(entryTime, exitTime);
  }

  /** Whether the trade made money after charges ({@code pnl > 0}). */
  public boolean isWin() {
    return pnl > 0;
  }

  /** Whether the trade lost money after charges ({@code pnl < 0}). */
  public boolean isLoss() {
    return pnl < 0;
  }

  private static void requirePositive(double value, String name, InstrumentId instrument) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          instrument + " trade " + name + " must be positive and finite, got " + value);
    }
  }
}

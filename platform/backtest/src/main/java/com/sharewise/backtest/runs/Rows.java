package com.sharewise.backtest.runs;

import java.math.BigDecimal;
import java.time.Instant;

/** The stored detail of a finished backtest, row by row. */
public final class Rows {

  private Rows() {}

  /**
   * A closed round trip.
   *
   * @param instrument {@code EXCHANGE:SYMBOL}
   * @param side BUY for a long trade, SELL for a short one
   * @param quantity shares
   * @param entryTime when it opened
   * @param entryPrice average opening price
   * @param exitTime when it closed
   * @param exitPrice average closing price
   * @param pnl rupees, net of charges
   * @param charges rupees, both legs
   */
  public record Trade(
      String instrument,
      String side,
      long quantity,
      Instant entryTime,
      double entryPrice,
      Instant exitTime,
      double exitPrice,
      double pnl,
      double charges) {}

  /**
   * A point of the (downsampled) equity curve.
   *
   * @param at the bar's end
   * @param equity cash plus positions at the close, rupees
   * @param drawdown fall from the high so far, fraction
   * @param inMarket whether a position was open
   */
  public record EquityPoint(Instant at, double equity, double drawdown, boolean inMarket) {}

  /**
   * An order the backtest placed.
   *
   * @param orderId its id
   * @param instrument {@code EXCHANGE:SYMBOL}
   * @param side BUY or SELL
   * @param quantity shares
   * @param type MARKET, LIMIT…
   * @param limitPrice for limit orders, else null
   * @param status final state
   * @param filledQuantity shares filled
   * @param averagePrice average fill price, or null
   * @param charges rupees
   * @param message the broker's or rules' words (a rejection's reason)
   * @param createdAt simulated time it was placed
   * @param updatedAt simulated time of its last change
   */
  public record Order(
      String orderId,
      String instrument,
      String side,
      long quantity,
      String type,
      BigDecimal limitPrice,
      String status,
      long filledQuantity,
      BigDecimal averagePrice,
      BigDecimal charges,
      String message,
      Instant createdAt,
      Instant updatedAt) {}
}

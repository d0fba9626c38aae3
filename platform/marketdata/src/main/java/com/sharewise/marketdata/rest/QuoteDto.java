package com.sharewise.marketdata.rest;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.Tick;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A quote as the API and the {@code quotes} stream show it. Prices absent at the source ({@code
 * bid}/{@code ask} without a book, {@code change} without a stored previous close) are null.
 *
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param time the exchange's time of this state
 * @param last price of the last trade
 * @param lastQty quantity of the last trade
 * @param volume the day's cumulative traded quantity
 * @param bid best bid
 * @param ask best ask
 * @param depth up to five levels each side, best first
 * @param previousClose close of the previous session's daily bar
 * @param change {@code last - previousClose}
 * @param changePercent {@code change / previousClose * 100}, rounded to 2 decimals
 */
public record QuoteDto(
    String instrument,
    Instant time,
    double last,
    long lastQty,
    long volume,
    Double bid,
    Double ask,
    DepthDto depth,
    Double previousClose,
    Double change,
    Double changePercent) {

  /** The book, best level first on each side. */
  public record DepthDto(List<LevelDto> bids, List<LevelDto> asks) {}

  /** One price level. */
  public record LevelDto(double price, long quantity, int orders) {
    static LevelDto of(DepthLevel level) {
      return new LevelDto(level.price(), level.quantity(), level.orders());
    }
  }

  /** The DTO of {@code tick}, with the change against {@code previousClose} when known. */
  public static QuoteDto of(Tick tick, OptionalDouble previousClose) {
    Double previous = previousClose.isPresent() ? previousClose.getAsDouble() : null;
    Double change = previous == null ? null : round(tick.lastPrice() - previous, 4);
    Double percent =
        previous == null || previous == 0
            ? null
            : round((tick.lastPrice() / previous - 1) * 100, 2);
    return new QuoteDto(
        tick.instrument().toString(),
        tick.exchangeTime(),
        tick.lastPrice(),
        tick.lastQuantity(),
        tick.volume(),
        finite(tick.bid()),
        finite(tick.ask()),
        new DepthDto(
            tick.depth().bids().stream().map(LevelDto::of).toList(),
            tick.depth().asks().stream().map(LevelDto::of).toList()),
        previous,
        change,
        percent);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}

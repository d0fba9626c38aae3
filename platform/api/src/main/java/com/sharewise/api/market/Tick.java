package com.sharewise.api.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One market-data update for an instrument: the last trade, the best bid and ask with depth, and
 * the day's cumulative volume, stamped with the exchange's time.
 *
 * <p>The latest tick of an instrument is its <em>quote</em>. Ordering is by {@code exchangeTime}:
 * the platform drops a tick older than the newest one it has seen for the same instrument, so a
 * feed must stamp ticks with the exchange's time, not its own receive time.
 *
 * @param instrument which instrument
 * @param exchangeTime when the exchange produced this state
 * @param lastPrice price of the last trade
 * @param lastQuantity quantity of the last trade (0 if unknown)
 * @param volume cumulative traded quantity for the day
 * @param bid best bid price ({@code NaN} when there is none)
 * @param ask best ask price ({@code NaN} when there is none)
 * @param depth the visible book, possibly {@link MarketDepth#EMPTY}
 */
public record Tick(
    InstrumentId instrument,
    Instant exchangeTime,
    double lastPrice,
    long lastQuantity,
    long volume,
    double bid,
    double ask,
    MarketDepth depth) {

  public Tick {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(exchangeTime, "exchangeTime");
    depth = depth == null ? MarketDepth.EMPTY : depth;
  }
}

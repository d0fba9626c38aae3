package com.sharewise.backtest.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of an {@link EquityCurve}: the account's equity at the close of a bar.
 *
 * @param time when the bar closed, millisecond precision
 * @param equity cash plus the marked-to-market value of open positions, rupees, finite and positive
 * @param inMarket whether a position was open at this point; {@link PerformanceReport#exposure()}
 *     is the fraction of points where this is {@code true}
 */
public record EquityPoint(Instant time, double equity, boolean inMarket) {

  public EquityPoint {
    Objects.requireNonNull(time, "time");
    EquityCurve.requirePositiveFinite(equity, time.toEpochMilli());
  }
}

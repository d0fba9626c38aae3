package com.sharewise.marketdata.rest;

import com.sharewise.api.market.Bar;
import java.time.Instant;

/**
 * A bar as the API and the {@code bars} stream show it.
 *
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param timeframe e.g. {@code 5m}
 * @param time the bar's open time
 * @param open first trade price
 * @param high highest trade price
 * @param low lowest trade price
 * @param close last trade price
 * @param volume traded quantity
 */
public record BarDto(
    String instrument,
    String timeframe,
    Instant time,
    double open,
    double high,
    double low,
    double close,
    long volume) {

  public static BarDto of(Bar bar) {
    return new BarDto(
        bar.instrument().toString(),
        bar.timeframe().label(),
        bar.openTime(),
        bar.open(),
        bar.high(),
        bar.low(),
        bar.close(),
        bar.volume());
  }
}

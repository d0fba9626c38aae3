package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;

/**
 * The bar of one timeframe that is forming for one instrument. Plain mutable state, guarded by the
 * lane's lock: no allocation while a tick stays inside the bar.
 */
final class BarBuilder {

  static final long NONE = Long.MIN_VALUE;

  final Timeframe timeframe;
  long openMillis = NONE;
  long closeMillis = NONE;

  /** Ticks before this time belong to bars already closed (by a timer) and are late. */
  long closedUpToMillis = NONE;

  double open;
  double high;
  double low;
  double close;
  long volume;

  BarBuilder(Timeframe timeframe) {
    this.timeframe = timeframe;
  }

  boolean forming() {
    return openMillis != NONE;
  }

  boolean contains(long millis) {
    return millis >= openMillis && millis < closeMillis;
  }

  void start(long openAt, long closeAt, double price, long quantity) {
    openMillis = openAt;
    closeMillis = closeAt;
    open = price;
    high = price;
    low = price;
    close = price;
    volume = quantity;
  }

  void update(double price, long quantity) {
    if (price > high) {
      high = price;
    }
    if (price < low) {
      low = price;
    }
    close = price;
    volume += quantity;
  }

  /** Ends the forming bar and returns it. */
  Bar finish(InstrumentId instrument) {
    Bar bar =
        new Bar(
            instrument,
            timeframe,
            Instant.ofEpochMilli(openMillis),
            open,
            high,
            low,
            close,
            volume);
    closedUpToMillis = closeMillis;
    openMillis = NONE;
    closeMillis = NONE;
    return bar;
  }
}

package com.sharewise.marketdata;

import java.time.Duration;
import java.util.Objects;

/**
 * How the market-data area runs.
 *
 * @param calendar trading sessions and bar boundaries
 * @param quoteFlushInterval how often changed quotes are written to the grid and streamed
 * @param feedSilence how long a feed may deliver nothing during the session before health reports
 *     it DOWN
 * @param barCloseGrace how long after a bar's end the timer waits for a late tick before closing
 *     the bar (the first tick of the next interval closes it at once)
 * @param barWriteInterval how often closed bars are written to the database, in one batch
 * @param barQueueCapacity closed bars that may wait for listeners, and for the database, before
 *     further ones are dropped (and counted)
 * @param liveIndicatorWindow bars kept per live indicator to compute it from
 */
public record MarketDataConfig(
    TradingCalendar calendar,
    Duration quoteFlushInterval,
    Duration feedSilence,
    Duration barCloseGrace,
    Duration barWriteInterval,
    int barQueueCapacity,
    int liveIndicatorWindow) {

  public MarketDataConfig {
    Objects.requireNonNull(calendar, "calendar");
    positive("quote flush interval", quoteFlushInterval);
    positive("feed silence", feedSilence);
    Objects.requireNonNull(barCloseGrace, "barCloseGrace");
    if (barCloseGrace.isNegative()) {
      throw new IllegalArgumentException("bar close grace must not be negative");
    }
    positive("bar write interval", barWriteInterval);
    if (barQueueCapacity < 1000) {
      throw new IllegalArgumentException("bar queue capacity must be at least 1000");
    }
    if (liveIndicatorWindow < 10) {
      throw new IllegalArgumentException("live indicator window must be at least 10 bars");
    }
  }

  /** The defaults: 20 ms flushes, 30 s silence, 1 s grace, 250 ms bar writes, 300-bar windows. */
  public static MarketDataConfig defaults(TradingCalendar calendar) {
    return new MarketDataConfig(
        calendar,
        Duration.ofMillis(20),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofMillis(250),
        200_000,
        300);
  }

  private static void positive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}

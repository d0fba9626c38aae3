package com.sharewise.backtest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A backtest's clock: it stands still until the engine moves it to the end of the bar being
 * replayed, so every collaborator (order path, paper broker, rules, strategy) sees simulated time.
 *
 * <p>Set by the engine's thread only; read by the same thread (a backtest is single-threaded), so
 * the field needs no synchronisation. {@link #millis()} allocates nothing; {@link #instant()} makes
 * an {@link Instant}, which only the order path and rules ask for (when a signal fires).
 */
public final class SimulatedClock extends Clock {

  private long millis;

  /**
   * @param startMillis the time before the first bar, epoch milliseconds
   */
  public SimulatedClock(long startMillis) {
    this.millis = startMillis;
  }

  /** Moves the clock to {@code epochMillis}; a backtest only moves it forward. */
  public void set(long epochMillis) {
    this.millis = epochMillis;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
  }

  /** The same simulated time seen in another zone (for "today" in IST). */
  private static final class Zoned extends Clock {
    private final SimulatedClock source;
    private final ZoneId zone;

    Zoned(SimulatedClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public long millis() {
      return source.millis;
    }

    @Override
    public Instant instant() {
      return source.instant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return source.withZone(other);
    }
  }
}

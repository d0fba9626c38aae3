package com.sharewise.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it: hand it to the code under test wherever that
 * takes a {@link Clock}, then {@link #advance} or {@link #set} it to make time pass without
 * sleeping. Thread-safe: a test thread may move it while the code under test reads it on others.
 * Clocks made by {@link #withZone} share this one's time.
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A UTC clock showing {@code start}. */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the time forward (or back, with a negative duration). */
  public void advance(Duration by) {
    now.updateAndGet(current -> current.plus(by));
  }

  /** Shows {@code instant} from now on. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new ManualClock(now, other);
  }
}

package com.sharewise.marketdata.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How the market simulator behaves.
 *
 * @param seed the same seed and the same clock give the same ticks
 * @param ticksPerSecond ticks per second per instrument (0.01 to 1000)
 * @param driverPeriod how often the simulator's thread wakes up to emit the ticks that fell due;
 *     {@link Duration#ZERO} for no thread at all (tests and benchmarks call {@link
 *     SimulatorFeed#advanceTo})
 * @param dynamics how volatility moves
 */
public record SimulatorConfig(
    long seed, double ticksPerSecond, Duration driverPeriod, PricePath.Dynamics dynamics) {

  public SimulatorConfig {
    Objects.requireNonNull(driverPeriod, "driverPeriod");
    Objects.requireNonNull(dynamics, "dynamics");
    if (!(ticksPerSecond >= 0.01 && ticksPerSecond <= 1000)) {
      throw new IllegalArgumentException(
          "simulator ticks per second must be from 0.01 to 1000, got " + ticksPerSecond);
    }
  }

  /** A simulator with its own thread, waking every 10 ms or once per tick if that is rarer. */
  public static SimulatorConfig of(long seed, double ticksPerSecond) {
    long periodMicros = Math.max(10_000, Math.min(250_000, (long) (1_000_000 / ticksPerSecond)));
    return new SimulatorConfig(
        seed, ticksPerSecond, Duration.ofNanos(periodMicros * 1000), PricePath.Dynamics.DEFAULT);
  }

  /** A simulator without a thread: ticks come only from {@link SimulatorFeed#advanceTo}. */
  public static SimulatorConfig manual(long seed, double ticksPerSecond) {
    return new SimulatorConfig(seed, ticksPerSecond, Duration.ZERO, PricePath.Dynamics.DEFAULT);
  }

  /** The same settings with other volatility dynamics. */
  public SimulatorConfig withDynamics(PricePath.Dynamics other) {
    return new SimulatorConfig(seed, ticksPerSecond, driverPeriod, other);
  }
}

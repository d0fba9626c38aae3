package com.sharewise.rules;

import java.time.Duration;
import java.util.Set;

/**
 * The rules area's settings.
 *
 * @param maxFirings most rule firings in one evaluation before it fails closed
 * @param timeBudget longest time in the rules for one evaluation before it fails closed
 * @param sessionPool sessions kept ready per compiled rule set
 * @param decisionQueue decisions waiting to be written before explanations are dropped
 * @param holidays exchange holidays, as epoch days of their IST dates
 * @param compileInBackground whether start-up returns before the active rule sets are compiled
 *     (orders fail closed until they are; {@link Rules#awaitReady} waits)
 */
public record RulesSettings(
    int maxFirings,
    Duration timeBudget,
    int sessionPool,
    int decisionQueue,
    Set<Long> holidays,
    boolean compileInBackground) {

  public RulesSettings {
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  /**
   * Defaults: 1000 firings, 50 ms, 8 sessions, 100 000 queued decisions, no holidays, compiled
   * before start-up returns.
   */
  public static RulesSettings defaults() {
    return new RulesSettings(1000, Duration.ofMillis(50), 8, 100_000, Set.of(), false);
  }
}

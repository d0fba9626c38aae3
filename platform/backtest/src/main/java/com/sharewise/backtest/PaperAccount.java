package com.sharewise.backtest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated account a backtest trades: its capital and the paper broker's settings (slippage,
 * latency, participation, fee schedule).
 *
 * @param accountId the account the strategy instance trades for (the rules read its limits)
 * @param ownerId its owner
 * @param initialCapital cash at the start, rupees, positive
 * @param brokerSettings the paper broker's settings by name (see the paper broker's README), e.g.
 *     {@code slippageBps=5}; missing ones take their defaults
 */
public record PaperAccount(
    long accountId, long ownerId, BigDecimal initialCapital, Map<String, String> brokerSettings) {

  public PaperAccount {
    Objects.requireNonNull(initialCapital, "initialCapital");
    brokerSettings = brokerSettings == null ? Map.of() : Map.copyOf(brokerSettings);
    if (initialCapital.signum() <= 0) {
      throw new BacktestException.Invalid(
          "initialCapital", "initialCapital must be positive, got " + initialCapital);
    }
  }
}

package com.sharewise.orders;

import java.util.Optional;

/** Asks whether a kill switch blocks new orders. Thread-safe; called once per order. */
@FunctionalInterface
public interface KillSwitchCheck {

  /** Nothing is ever blocked (backtests). */
  KillSwitchCheck NONE = (accountId, strategyId) -> Optional.empty();

  /**
   * Why new orders of this account (and strategy instance, empty for manual orders) are blocked, or
   * empty when they are not.
   */
  Optional<String> blocking(long accountId, String strategyId);
}

package com.sharewise.api.trading;

/**
 * The life of an order. {@code UNKNOWN} means a broker call's outcome is not known (timeout,
 * connection lost): the platform reconciles against the broker's order book before doing anything
 * else with that order, and never blindly resends it.
 *
 * <p>{@code HELD} is the platform's own: workflow rules held the order for a person's approval
 * before it goes anywhere. Brokers never report it.
 */
public enum OrderStatus {
  NEW,
  HELD,
  PENDING_SUBMIT,
  OPEN,
  PARTIALLY_FILLED,
  FILLED,
  CANCELLED,
  REJECTED,
  UNKNOWN;

  /** True for states an order never leaves. */
  public boolean isFinal() {
    return this == FILLED || this == CANCELLED || this == REJECTED;
  }

  /** True for states in which the order may still trade at a broker (it counts as open). */
  public boolean isWorking() {
    return this == PENDING_SUBMIT || this == OPEN || this == PARTIALLY_FILLED || this == UNKNOWN;
  }
}

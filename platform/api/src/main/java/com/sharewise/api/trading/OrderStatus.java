package com.sharewise.api.trading;

/**
 * The life of an order. {@code UNKNOWN} means a broker call's outcome is not known (timeout,
 * connection lost): the platform reconciles against the broker's order book before doing anything
 * else with that order, and never blindly resends it.
 */
public enum OrderStatus {
  NEW,
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
}

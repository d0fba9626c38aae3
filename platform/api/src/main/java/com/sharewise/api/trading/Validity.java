package com.sharewise.api.trading;

/** How long an order stays open. */
public enum Validity {
  /** Until filled, cancelled or the session ends. */
  DAY,
  /** Immediate or cancel: what does not fill at once is cancelled. */
  IOC
}

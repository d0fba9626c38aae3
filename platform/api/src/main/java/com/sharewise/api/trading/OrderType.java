package com.sharewise.api.trading;

/** Order types Indian exchanges accept. */
public enum OrderType {
  /** At the best available price. */
  MARKET,
  /** At the limit price or better. */
  LIMIT,
  /** Stop-loss limit: becomes a LIMIT order once the trigger price trades. */
  SL,
  /** Stop-loss market: becomes a MARKET order once the trigger price trades. */
  SL_M;

  /** True when the order needs a limit price. */
  public boolean needsLimitPrice() {
    return this == LIMIT || this == SL;
  }

  /** True when the order needs a trigger price. */
  public boolean needsTriggerPrice() {
    return this == SL || this == SL_M;
  }
}

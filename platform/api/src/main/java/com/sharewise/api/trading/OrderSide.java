package com.sharewise.api.trading;

/** Buy or sell. */
public enum OrderSide {
  BUY,
  SELL;

  /** +1 for a buy, -1 for a sell: multiply a quantity by this to get a signed position change. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }
}

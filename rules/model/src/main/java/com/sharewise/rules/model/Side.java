package com.sharewise.rules.model;

/** Buy or sell. */
public enum Side {
  BUY,
  SELL;

  /** +1 for a buy, -1 for a sell. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }
}

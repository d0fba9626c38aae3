package com.sharewise.rules.model;

/** How an order is priced, as Indian exchanges accept it. */
public enum PriceType {
  /** At the best available price. */
  MARKET,
  /** At the limit price or better. */
  LIMIT,
  /** Stop-loss limit. */
  SL,
  /** Stop-loss market. */
  SL_M
}

package com.sharewise.api.market;

/** What kind of contract an instrument is; decides fees, products and margin. */
public enum Segment {
  EQUITY,
  INDEX,
  FUTURES,
  OPTIONS,
  CURRENCY,
  COMMODITY
}

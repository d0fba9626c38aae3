package com.sharewise.api.broker;

/** What a broker adapter can do; the platform offers users only what the broker supports. */
public enum BrokerCapability {
  PLACE_ORDERS,
  MODIFY_ORDERS,
  CANCEL_ORDERS,
  ORDER_BOOK,
  TRADE_BOOK,
  POSITIONS,
  HOLDINGS,
  INSTRUMENTS,
  HISTORICAL_BARS,
  MARKET_DATA
}

package com.sharewise.orders.algo;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What an algorithm needs to know about its parent, whether it is still a command being validated
 * or an order being worked.
 */
record Terms(
    Algorithm algorithm,
    InstrumentId instrument,
    OrderSide side,
    long quantity,
    OrderType type,
    BigDecimal limitPrice,
    BigDecimal triggerPrice,
    Map<String, String> parameters) {

  static Terms of(OrderCommand c) {
    return new Terms(
        c.algorithm(),
        c.instrument(),
        c.side(),
        c.quantity(),
        c.type(),
        c.limitPrice(),
        c.triggerPrice(),
        c.algorithmParameters());
  }

  static Terms of(Order o) {
    return new Terms(
        o.algorithm(),
        o.instrument(),
        o.side(),
        o.quantity(),
        o.type(),
        o.limitPrice(),
        o.triggerPrice(),
        o.algorithmParameters());
  }

  /** The opposite side, for orders that close what this one opened. */
  OrderSide exitSide() {
    return side == OrderSide.BUY ? OrderSide.SELL : OrderSide.BUY;
  }
}

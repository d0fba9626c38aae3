package com.sharewise.api.strategy;

import com.sharewise.api.trading.OrderSide;

/** What a strategy wants to do with its position. */
public enum SignalAction {
  ENTER_LONG(OrderSide.BUY),
  EXIT_LONG(OrderSide.SELL),
  ENTER_SHORT(OrderSide.SELL),
  EXIT_SHORT(OrderSide.BUY);

  private final OrderSide side;

  SignalAction(OrderSide side) {
    this.side = side;
  }

  /** The order side that carries this action out. */
  public OrderSide side() {
    return side;
  }
}

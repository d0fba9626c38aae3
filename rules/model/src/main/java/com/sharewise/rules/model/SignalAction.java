package com.sharewise.rules.model;

/** What a strategy wants to do with its position. */
public enum SignalAction {
  ENTER_LONG(Side.BUY),
  EXIT_LONG(Side.SELL),
  ENTER_SHORT(Side.SELL),
  EXIT_SHORT(Side.BUY);

  private final Side side;

  SignalAction(Side side) {
    this.side = side;
  }

  /** The order side that carries the action out. */
  public Side side() {
    return side;
  }

  /** Whether the action opens (rather than closes) a position. */
  public boolean entry() {
    return this == ENTER_LONG || this == ENTER_SHORT;
  }
}

package com.sharewise.orders;

/**
 * An order request or action that cannot be carried out. Nothing was journaled or sent because of
 * it; the message says why in words a trader can act on.
 */
public final class OrderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, which the REST layer maps to a status code. */
  public enum Reason {
    /** The request itself is wrong (quantity, price grid, missing price, unknown parameter). 400 */
    INVALID,
    /** The instrument, account or order does not exist, or is not the caller's. 404 */
    NOT_FOUND,
    /** The order's state does not allow it (cancel a filled order). 409 */
    CONFLICT,
    /** A kill switch blocks new orders for this account or strategy. 423 */
    BLOCKED,
    /** The account's broker cannot be reached or is not installed. 503 */
    UNAVAILABLE
  }

  private final Reason reason;

  public OrderException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public OrderException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package com.sharewise.orders;

/**
 * Told about every journaled change (after it is durable): the WebSocket streams, execution
 * algorithms and strategies listen. Called on the thread that made the change, while the order is
 * locked, in journal order per order: return quickly and never call back into the order service
 * from here (hand work to your own executor).
 */
public interface OrderListener {

  /** An order changed; {@code event} is what changed it. */
  default void orderChanged(Order order, OrderEvent event) {}

  /** A fill was booked. */
  default void filled(AccountFill fill) {}
}

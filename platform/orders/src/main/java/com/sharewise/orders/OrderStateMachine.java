package com.sharewise.orders;

import static com.sharewise.api.trading.OrderStatus.CANCELLED;
import static com.sharewise.api.trading.OrderStatus.FILLED;
import static com.sharewise.api.trading.OrderStatus.HELD;
import static com.sharewise.api.trading.OrderStatus.NEW;
import static com.sharewise.api.trading.OrderStatus.OPEN;
import static com.sharewise.api.trading.OrderStatus.PARTIALLY_FILLED;
import static com.sharewise.api.trading.OrderStatus.PENDING_SUBMIT;
import static com.sharewise.api.trading.OrderStatus.REJECTED;
import static com.sharewise.api.trading.OrderStatus.UNKNOWN;

import com.sharewise.api.trading.OrderStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which. Final states ({@code FILLED}, {@code CANCELLED}, {@code REJECTED})
 * are never left; {@code UNKNOWN} may go anywhere a reconciliation finds the order.
 *
 * <pre>
 *   HELD ─▶ NEW ─▶ PENDING_SUBMIT ─▶ OPEN ─▶ PARTIALLY_FILLED ─▶ FILLED
 *     │      │          │   ╲          │            │
 *     ▼      ▼          ▼    UNKNOWN ◀─┴────────────┘
 *  REJECTED / CANCELLED (from any non-final state)
 * </pre>
 */
public final class OrderStateMachine {

  private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

  static {
    NEXT.put(HELD, EnumSet.of(NEW, REJECTED, CANCELLED));
    NEXT.put(NEW, EnumSet.of(PENDING_SUBMIT, OPEN, REJECTED, CANCELLED));
    NEXT.put(
        PENDING_SUBMIT, EnumSet.of(OPEN, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED, UNKNOWN));
    NEXT.put(OPEN, EnumSet.of(OPEN, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED, UNKNOWN));
    NEXT.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, UNKNOWN));
    NEXT.put(
        UNKNOWN,
        EnumSet.of(PENDING_SUBMIT, OPEN, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED, UNKNOWN));
    NEXT.put(FILLED, EnumSet.noneOf(OrderStatus.class));
    NEXT.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
    NEXT.put(REJECTED, EnumSet.noneOf(OrderStatus.class));
  }

  private OrderStateMachine() {}

  /** Whether an order in {@code from} may move to {@code to}. */
  public static boolean allows(OrderStatus from, OrderStatus to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * The order in status {@code to}.
   *
   * @throws IllegalOrderTransitionException when the state machine forbids the move
   */
  static Order move(Order order, OrderStatus to, String message, Instant at) {
    if (order == null) {
      throw new IllegalStateException("an event arrived for an order that was never created");
    }
    if (!allows(order.status(), to)) {
      throw new IllegalOrderTransitionException(order.id(), order.status(), to);
    }
    return order.with(to, message == null || message.isEmpty() ? order.message() : message, at);
  }

  /** An event that the order's current status does not allow (a late or duplicate report). */
  public static final class IllegalOrderTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IllegalOrderTransitionException(String orderId, OrderStatus from, OrderStatus to) {
      super("order " + orderId + " cannot go from " + from + " to " + to);
    }

    /**
     * Without a stack trace: a late or repeated broker report is expected (a reply and a push for
     * the same change) and is dropped by its message; recording where would cost more than the rest
     * of handling it.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}

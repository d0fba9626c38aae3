package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderStatus;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works one parent order. Workers are level-triggered: {@link #evaluate} looks at the children as
 * they are now and does what is missing, so a restart (children read from the journal), a repeated
 * or late report all lead to the same decisions. Confined to the engine's serial executor.
 */
abstract class Worker {

  protected final WorkerContext ctx;
  protected final Order parent;

  /** The children by role (the part of their client order id after the parent's id). */
  protected final Map<String, Order> children = new HashMap<>();

  private boolean done;

  Worker(WorkerContext ctx, Order parent) {
    this.ctx = ctx;
    this.parent = parent;
  }

  /** Begins working a parent that has just started. */
  void start() {
    evaluate();
  }

  /** Continues after a restart with the children found in the journal. */
  void resume(List<Order> found) {
    for (Order child : found) {
      children.put(role(child), child);
    }
    evaluate();
  }

  /** A child changed; {@code child} is its current state. */
  void childChanged(Order child) {
    children.put(role(child), child);
    if (!done) {
      evaluate();
    }
  }

  /** Does what the children's state asks for. */
  abstract void evaluate();

  /** Releases timers and subscriptions. Called once, when the worker is retired. */
  void release() {}

  boolean done() {
    return done;
  }

  /** Nothing more to do: the engine retires the worker. */
  protected void markDone() {
    done = true;
  }

  /** Finishes the parent and this worker. */
  protected void complete(OrderStatus status, String detail) {
    ctx.finish(parent.id(), status, detail);
    markDone();
  }

  protected WorkerContext.Placement place(String role, OrderCommand command) {
    WorkerContext.Placement placement = ctx.place(parent, command);
    if (placement.child() != null) {
      children.put(role, placement.child());
    }
    return placement;
  }

  /** The sum of the children's fills. */
  protected long childrenFilled() {
    return children.values().stream().mapToLong(Order::filledQuantity).sum();
  }

  /** The role a child was placed for, from its client order id {@code <parent id>:<role>}. */
  static String role(Order child) {
    String id = child.clientOrderId();
    int colon = id.lastIndexOf(':');
    return colon < 0 ? id : id.substring(colon + 1);
  }

  static boolean failed(Order child) {
    return child.status() == OrderStatus.REJECTED || child.status() == OrderStatus.CANCELLED;
  }

  /** Accepted by the broker and not finished: the only state in which a change is sent. */
  static boolean atBroker(Order child) {
    return child.status() == OrderStatus.OPEN || child.status() == OrderStatus.PARTIALLY_FILLED;
  }
}

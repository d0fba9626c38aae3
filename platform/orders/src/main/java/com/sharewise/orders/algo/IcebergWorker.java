package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderStatus;
import com.sharewise.orders.Order;
import java.util.Locale;

/**
 * ICEBERG: one leg at a time, each a child of the parent's type and limit price for the leg
 * quantity (the last leg takes what is left); the next leg goes when the previous one has filled
 * completely.
 *
 * <p>A leg that is refused, rejected or cancelled (by the broker, a rule or a person) ends the
 * iceberg: repeating it would most likely meet the same answer. The parent finishes CANCELLED with
 * the reason (REJECTED when nothing had filled).
 */
final class IcebergWorker extends Worker {

  private final IcebergSpec spec;

  IcebergWorker(WorkerContext ctx, Order parent, IcebergSpec spec) {
    super(ctx, parent);
    this.spec = spec;
  }

  @Override
  void evaluate() {
    // a leg that fills as it is placed (a backtest's broker) lets the next one go at once
    while (!done() && step()) {
      // next leg
    }
  }

  /** Places the next leg if it is time; true when a leg was placed and may already be final. */
  private boolean step() {
    int last = -1;
    for (String role : children.keySet()) {
      if (role.startsWith("leg-")) {
        last = Math.max(last, Integer.parseInt(role.substring(4)));
      }
    }
    long filled = childrenFilled();
    if (last >= 0) {
      Order leg = children.get("leg-" + last);
      if (!leg.status().isFinal()) {
        return false;
      }
      if (leg.status() != OrderStatus.FILLED) {
        stop(
            leg.status() == OrderStatus.CANCELLED && filled == 0
                ? OrderStatus.CANCELLED
                : OrderStatus.REJECTED,
            "leg "
                + (last + 1)
                + " "
                + leg.status().name().toLowerCase(Locale.ROOT)
                + (leg.message().isEmpty() ? "" : ": " + leg.message()),
            filled);
        return false;
      }
    }
    long remaining = parent.quantity() - filled;
    if (remaining <= 0) {
      complete(OrderStatus.FILLED, "all " + (last + 1) + " legs filled");
      return false;
    }
    int leg = last + 1;
    WorkerContext.Placement placement =
        place(
            "leg-" + leg,
            WorkerContext.child(
                parent,
                "leg-" + leg,
                parent.side(),
                Math.min(spec.legQuantity(), remaining),
                parent.type(),
                parent.limitPrice(),
                null,
                parent.validity()));
    if (placement.child() == null) {
      stop(OrderStatus.REJECTED, "leg " + (leg + 1) + " refused: " + placement.refusal(), filled);
      return false;
    }
    return placement.child().status().isFinal();
  }

  private void stop(OrderStatus status, String why, long filled) {
    complete(status, why + "; filled " + filled + " of " + parent.quantity());
  }
}

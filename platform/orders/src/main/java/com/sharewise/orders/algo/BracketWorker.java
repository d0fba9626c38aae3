package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Validity;
import com.sharewise.orders.Order;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BRACKET: an entry (the parent's type, prices and quantity), then two exits on the other side for
 * what the entry filled: a target LIMIT order and a stop-loss SL-M order. The exits are placed at
 * the entry's first fill and grow with further fills; when one exit fills partly the other shrinks
 * to the position still open; when one fills completely the other is cancelled (one cancels the
 * other), and so is what the entry had not filled yet: the trade is over.
 *
 * <p>The parent shows the entry: it fills with the entry's fills (exit fills are not booked on it)
 * and is FILLED when the entry is; an entry that ends with only part filled finishes the parent
 * CANCELLED, an entry rejected or cancelled before any fill finishes it REJECTED (with the entry's
 * reason) or CANCELLED. The exits go on working after the parent is final; the worker retires when
 * the entry and both exits are final.
 *
 * <p>An exit that is refused or rejected is not tried again (the same rule would refuse it again):
 * it is logged as a warning, because the position is then unprotected on that side.
 */
final class BracketWorker extends Worker {

  private static final Logger LOG = LoggerFactory.getLogger(BracketWorker.class);

  static final String ENTRY = "entry";
  static final String TARGET = "target";
  static final String STOP = "stop";

  private final BracketSpec spec;
  private final Terms terms;
  private final Set<String> refused = new HashSet<>();
  private boolean parentSettled;

  BracketWorker(WorkerContext ctx, Order parent, BracketSpec spec) {
    super(ctx, parent);
    this.spec = spec;
    this.terms = Terms.of(parent);
  }

  @Override
  void evaluate() {
    Order entry = children.get(ENTRY);
    if (entry == null) {
      WorkerContext.Placement placement =
          place(
              ENTRY,
              WorkerContext.child(
                  parent,
                  ENTRY,
                  parent.side(),
                  parent.quantity(),
                  parent.type(),
                  parent.limitPrice(),
                  parent.triggerPrice(),
                  parent.validity()));
      if (placement.child() == null) {
        complete(OrderStatus.REJECTED, "entry refused: " + placement.refusal());
        return;
      }
      entry = placement.child();
    }
    long entered = entry.filledQuantity();
    if (entry.status().isFinal() && entered == 0) {
      complete(
          entry.status() == OrderStatus.CANCELLED ? OrderStatus.CANCELLED : OrderStatus.REJECTED,
          "entry " + words(entry));
      return;
    }
    Order target = children.get(TARGET);
    Order stop = children.get(STOP);
    long open = entered - filled(target) - filled(stop);
    if (isFilled(target) || isFilled(stop)) {
      String why = (isFilled(target) ? "target" : "stop-loss") + " filled";
      ctx.cancel(entry, why);
      cancel(target, why + " (one cancels other)");
      cancel(stop, why + " (one cancels other)");
      if (open > 0 && entry.status().isFinal()) {
        LOG.atWarn()
            .addKeyValue("parent", parent.id())
            .addKeyValue("open", open)
            .log("bracket exits done with quantity still open; it is no longer protected");
      }
    } else if (entered > 0) {
      placeOrResize(TARGET, target, open, OrderType.LIMIT);
      placeOrResize(STOP, stop, open, OrderType.SL_M);
    }
    settleParent(entry);
    if (entry.status().isFinal() && exitSettled(TARGET) && exitSettled(STOP)) {
      markDone();
    }
  }

  /** Places an exit for the open quantity, or keeps a working one equal to it. */
  private void placeOrResize(String role, Order exit, long open, OrderType type) {
    if (exit == null) {
      if (refused.contains(role) || open <= 0) {
        return;
      }
      boolean isTarget = role.equals(TARGET);
      WorkerContext.Placement placement =
          place(
              role,
              WorkerContext.child(
                  parent,
                  role,
                  terms.exitSide(),
                  open,
                  type,
                  isTarget ? spec.target() : null,
                  isTarget ? null : spec.stop(),
                  Validity.DAY));
      Order placed = placement.child();
      if (placed == null || placed.status() == OrderStatus.REJECTED) {
        refused.add(role);
        LOG.atWarn()
            .addKeyValue("parent", parent.id())
            .addKeyValue("exit", role)
            .log(
                "bracket exit refused, the position is unprotected on this side: "
                    + placement.refusal());
      }
      return;
    }
    if (exit.status().isFinal()) {
      return;
    }
    if (open <= 0) {
      ctx.cancel(exit, "no position left to close");
      return;
    }
    long wanted = exit.filledQuantity() + open;
    if (wanted != exit.quantity() && atBroker(exit)) {
      ctx.modify(exit, new OrderModification(wanted, null, null, null))
          .ifPresent(changed -> children.put(role, changed));
    }
    // not yet at the broker: the change follows when it reports the exit open
  }

  /** The parent follows the entry: partly filled and over means CANCELLED with the detail. */
  private void settleParent(Order entry) {
    if (parentSettled || !entry.status().isFinal()) {
      return;
    }
    parentSettled = true;
    if (entry.filledQuantity() < parent.quantity()) {
      ctx.finish(
          parent.id(),
          OrderStatus.CANCELLED,
          "entry "
              + words(entry)
              + " after filling "
              + entry.filledQuantity()
              + " of "
              + parent.quantity()
              + "; the exits cover what filled");
    }
  }

  private void cancel(Order exit, String why) {
    if (exit != null) {
      ctx.cancel(exit, why);
    }
  }

  private boolean exitSettled(String role) {
    Order exit = children.get(role);
    return exit == null
        ? refused.contains(role) || children.get(ENTRY).filledQuantity() == 0
        : exit.status().isFinal();
  }

  private static long filled(Order exit) {
    return exit == null ? 0 : exit.filledQuantity();
  }

  private static boolean isFilled(Order exit) {
    return exit != null && exit.status() == OrderStatus.FILLED;
  }

  private static String words(Order child) {
    return child.status().name().toLowerCase(Locale.ROOT)
        + (child.message().isEmpty() ? "" : ": " + child.message());
  }
}

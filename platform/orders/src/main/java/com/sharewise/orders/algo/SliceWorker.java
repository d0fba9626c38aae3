package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderStatus;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TWAP and VWAP: slices at equal intervals from the start, sized equally (TWAP) or by the volume
 * profile (VWAP), each a child of the parent's type and limit price. Slice {@code i} is due at
 * {@code start + i × window / slices}.
 *
 * <p>A slice the order path refuses, or that ends REJECTED or CANCELLED (by the broker, a rule, a
 * person) with quantity unfilled, is skipped: its unfilled quantity is added to the next slice
 * placed. What the last slice leaves unfilled stays unfilled. Slices that fall due together (a late
 * timer, a restart after downtime, a coarse simulation step) are placed as one.
 *
 * <p>The parent finishes when every slice was placed and every child is final: FILLED when they
 * filled it all, else CANCELLED (or REJECTED when nothing filled) with the reason of the last
 * failure.
 */
final class SliceWorker extends Worker {

  private static final Logger LOG = LoggerFactory.getLogger(SliceWorker.class);

  private final SliceSpec spec;
  private final Set<String> carried = new HashSet<>();
  private Instant begin;
  private long[] planned;
  private int next;
  private long carry;
  private String lastProblem = "";
  private AlgoScheduler.Cancellable timer;

  SliceWorker(WorkerContext ctx, Order parent, SliceSpec spec) {
    super(ctx, parent);
    this.spec = spec;
  }

  @Override
  void start() {
    // the parent passed to start() is as the WORKING event left it: that event's time is the start
    begin = parent.updatedAt();
    plan();
    advance();
  }

  /**
   * Rebuilds the schedule from the start recorded in the journal and the slices found: the next
   * slice is the one after the highest placed, and whatever the placed slices did not take
   * (refused, rejected or cancelled) is carried to it.
   */
  @Override
  void resume(List<Order> found) {
    begin = ctx.workingSince(parent);
    plan();
    long placedEffective = 0;
    for (Order child : found) {
      children.put(role(child), child);
      next = Math.max(next, index(child) + 1);
      if (failed(child)) {
        carried.add(child.id());
        placedEffective += child.filledQuantity();
      } else {
        placedEffective += child.quantity();
      }
    }
    next = Math.min(next, planned.length);
    long due = 0;
    for (int i = 0; i < next; i++) {
      due += planned[i];
    }
    carry = Math.max(0, due - placedEffective);
    advance();
  }

  private void plan() {
    int lot = ctx.instrument(parent.instrument()).lotSize();
    planned =
        parent.algorithm() == Algorithm.VWAP
            ? Slicing.weighted(
                parent.quantity(), lot, ctx.weights(parent.instrument(), begin, spec))
            : Slicing.equal(parent.quantity(), lot, spec.slices());
  }

  private Instant due(int slice) {
    return begin.plus(spec.window().multipliedBy(slice).dividedBy(planned.length));
  }

  /** Places the slice due now (merging any overdue ones) and sets the timer for the next. */
  private void advance() {
    timer = null;
    if (done()) {
      return;
    }
    Instant now = ctx.clock().instant();
    int latest = -1;
    for (int i = next; i < planned.length && !due(i).isAfter(now); i++) {
      latest = i;
    }
    if (latest >= 0) {
      for (int i = next; i < latest; i++) {
        carry += planned[i];
      }
      next = latest + 1;
      fire(latest);
    }
    if (next < planned.length) {
      timer = ctx.schedule(due(next), this::advance);
    } else {
      evaluate();
    }
  }

  private void fire(int slice) {
    long quantity = planned[slice] + carry;
    carry = 0;
    if (quantity == 0) {
      return; // VWAP: no volume usually trades then
    }
    WorkerContext.Placement placement =
        place(
            "slice-" + slice,
            WorkerContext.child(
                parent,
                "slice-" + slice,
                parent.side(),
                quantity,
                parent.type(),
                parent.limitPrice(),
                null,
                parent.validity()));
    if (placement.child() == null) {
      carry += quantity;
      lastProblem = placement.refusal();
      LOG.atInfo()
          .addKeyValue("parent", parent.id())
          .addKeyValue("slice", slice)
          .log("slice skipped, its quantity goes with the next: " + placement.refusal());
    }
    evaluate();
  }

  @Override
  void evaluate() {
    for (Order child : children.values()) {
      if (failed(child) && carried.add(child.id())) {
        carry += child.remainingQuantity();
        lastProblem = child.message();
      }
    }
    if (next < planned.length || timer != null) {
      return;
    }
    if (children.values().stream().anyMatch(c -> !c.status().isFinal())) {
      return;
    }
    long filled = childrenFilled();
    if (filled == parent.quantity()) {
      complete(OrderStatus.FILLED, "all " + planned.length + " slices filled");
    } else {
      complete(
          filled == 0 ? OrderStatus.REJECTED : OrderStatus.CANCELLED,
          "filled " + filled + " of " + parent.quantity() + "; " + problem());
    }
  }

  private String problem() {
    return lastProblem.isEmpty() ? "the rest could not be placed" : "last problem: " + lastProblem;
  }

  @Override
  void release() {
    if (timer != null) {
      timer.cancel();
    }
  }

  private static int index(Order child) {
    String role = role(child);
    try {
      return role.startsWith("slice-") ? Integer.parseInt(role.substring(6)) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

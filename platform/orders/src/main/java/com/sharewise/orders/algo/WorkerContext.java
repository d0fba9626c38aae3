package com.sharewise.orders.algo;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Validity;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderException;
import com.sharewise.orders.OrderService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What workers may do, all through the order service: place, modify and cancel children, finish the
 * parent, schedule and subscribe. Called only on the engine's serial executor, except {@link
 * #execute}.
 */
final class WorkerContext {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerContext.class);

  /**
   * A child as placed, or why the order path refused it outright.
   *
   * @param child the journaled child (possibly REJECTED by the rules), or null when nothing was
   *     journaled
   * @param refusal why it was refused, else empty
   */
  record Placement(Order child, String refusal) {}

  private final OrderService orders;
  private final AlgorithmEngine.Dependencies d;
  private final Executor serial;
  private final Set<String> stopped;

  WorkerContext(
      OrderService orders, AlgorithmEngine.Dependencies d, Executor serial, Set<String> stopped) {
    this.orders = orders;
    this.d = d;
    this.serial = serial;
    this.stopped = stopped;
  }

  Clock clock() {
    return d.clock();
  }

  Instrument instrument(InstrumentId id) {
    return d.instruments()
        .apply(id)
        .orElseThrow(
            () -> new OrderException(OrderException.Reason.NOT_FOUND, "unknown instrument " + id));
  }

  Optional<Tick> quote(InstrumentId id) {
    return d.quotes().latest(id);
  }

  /** The order as the service knows it now, or {@code fallback}. */
  Order current(Order fallback) {
    return orders.find(fallback.id()).orElse(fallback);
  }

  /** A child command of {@code parent}; its client order id {@code <parent id>:<role>} names it. */
  static OrderCommand child(
      Order parent,
      String role,
      OrderSide side,
      long quantity,
      OrderType type,
      BigDecimal limit,
      BigDecimal trigger,
      Validity validity) {
    return new OrderCommand(
        parent.accountId(),
        parent.id() + ":" + role,
        parent.instrument(),
        side,
        quantity,
        type,
        limit,
        trigger,
        parent.product(),
        validity,
        Algorithm.DIRECT,
        Map.of(),
        parent.strategyId(),
        parent.createdBy());
  }

  /**
   * Places a child. A child placed while its parent was being cancelled is cancelled at once, so
   * nothing outlives a cancelled parent.
   */
  Placement place(Order parent, OrderCommand command) {
    if (stopped.contains(parent.id())) {
      return new Placement(null, "the parent order was cancelled");
    }
    try {
      Order child = orders.placeChild(parent, command);
      LOG.atDebug()
          .addKeyValue("parent", parent.id())
          .addKeyValue("child", child.id())
          .addKeyValue("quantity", child.quantity())
          .addKeyValue("status", child.status())
          .log("child order placed");
      if (stopped.contains(parent.id()) && !child.status().isFinal()) {
        cancel(child, "the parent order was cancelled");
        return new Placement(current(child), "");
      }
      return new Placement(child, child.status() == OrderStatus.REJECTED ? child.message() : "");
    } catch (OrderException e) {
      LOG.atWarn()
          .addKeyValue("parent", parent.id())
          .addKeyValue("clientOrderId", command.clientOrderId())
          .log("child order refused: " + e.getMessage());
      return new Placement(null, e.getMessage());
    }
  }

  /** Changes a child; empty when the order path or the broker refused (logged). */
  Optional<Order> modify(Order child, OrderModification change) {
    try {
      return Optional.of(orders.modify(child.id(), change, "algorithm:" + child.parentId()));
    } catch (OrderException e) {
      LOG.atWarn()
          .addKeyValue("parent", child.parentId())
          .addKeyValue("child", child.id())
          .log("child order not modified: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Cancels a child that may still trade; a refusal is logged (it may have just finished). */
  void cancel(Order child, String why) {
    if (current(child).status().isFinal()) {
      return;
    }
    try {
      orders.cancel(child.id(), "algorithm:" + child.parentId(), why);
    } catch (OrderException e) {
      LOG.atInfo()
          .addKeyValue("parent", child.parentId())
          .addKeyValue("child", child.id())
          .log("child order not cancelled: " + e.getMessage());
    }
  }

  /**
   * Finishes the parent, after the engine's queued work: fills of children reported meanwhile are
   * booked on the parent first, so its quantity and status are right. A parent that is already
   * final (a FILLED parent completed by its fills) stays as it is. The status is adjusted to what
   * the parent's state allows: an unfilled rest makes FILLED a CANCELLED, a partial fill makes
   * REJECTED a CANCELLED.
   */
  void finish(String parentId, OrderStatus status, String detail) {
    serial.execute(
        () -> {
          Optional<Order> found = orders.find(parentId);
          if (found.isEmpty() || found.get().status().isFinal()) {
            return;
          }
          Order parent = found.get();
          OrderStatus allowed = status;
          if (status == OrderStatus.FILLED && parent.filledQuantity() < parent.quantity()
              || status == OrderStatus.REJECTED && parent.filledQuantity() > 0) {
            allowed = OrderStatus.CANCELLED;
          }
          LOG.atInfo()
              .addKeyValue("parent", parentId)
              .addKeyValue("algorithm", parent.algorithm())
              .addKeyValue("status", allowed)
              .addKeyValue("filled", parent.filledQuantity())
              .log("execution algorithm finished: " + detail);
          orders.finishParent(parentId, allowed, detail);
        });
  }

  /** Books the child's journaled fills on its parent; fills booked before count once. */
  void reportFills(Order child) {
    for (OrderEvent event : orders.history(child.id())) {
      if (event instanceof OrderEvent.Filled filled) {
        orders.parentFilled(child.parentId(), filled.fill());
      }
    }
  }

  /** When the parent started being worked (its WORKING event), or its creation. */
  Instant workingSince(Order parent) {
    return orders.history(parent.id()).stream()
        .filter(e -> e instanceof OrderEvent.Working)
        .map(OrderEvent::at)
        .findFirst()
        .orElse(parent.createdAt());
  }

  /** VWAP weights from the volume profile; equal weights when it gives nothing usable. */
  double[] weights(InstrumentId instrument, Instant start, SliceSpec spec) {
    LocalTime time = LocalTime.ofInstant(start, Ist.ZONE);
    double[] weights =
        d.volumes().weights(instrument, time, spec.window(), spec.slices(), spec.days());
    double sum = 0;
    boolean usable = weights != null && weights.length == spec.slices();
    for (int i = 0; usable && i < weights.length; i++) {
      usable = Double.isFinite(weights[i]) && weights[i] >= 0;
      sum += weights[i];
    }
    if (!usable || sum <= 0) {
      LOG.atWarn()
          .addKeyValue("instrument", instrument)
          .log("the volume profile gave no usable weights; slicing equally");
      return VolumeProfile.equal(spec.slices());
    }
    return weights;
  }

  /** Runs {@code task} on the engine's serial executor at {@code at}. */
  AlgoScheduler.Cancellable schedule(Instant at, Runnable task) {
    return d.scheduler().schedule(at, () -> serial.execute(task));
  }

  /** Runs {@code task} on the engine's serial executor; callable from any thread. */
  void execute(Runnable task) {
    serial.execute(task);
  }

  QuoteSource.Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
    return d.quotes().subscribe(instrument, listener);
  }
}

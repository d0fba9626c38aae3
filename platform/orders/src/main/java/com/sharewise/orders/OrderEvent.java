package com.sharewise.orders;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One journaled change of an order. The journal holds these in order; replaying an order's events
 * through {@link #applyTo} from {@code null} gives its current {@link Order}. Each event is written
 * (synchronous commit) before the platform acts on it: {@link Submitting} before the broker is
 * called, {@link CancelRequested} before a cancel is sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderEvent.Created.class, name = "CREATED"),
  @JsonSubTypes.Type(value = OrderEvent.Released.class, name = "RELEASED"),
  @JsonSubTypes.Type(value = OrderEvent.Submitting.class, name = "SUBMITTING"),
  @JsonSubTypes.Type(value = OrderEvent.BrokerReported.class, name = "BROKER_REPORTED"),
  @JsonSubTypes.Type(value = OrderEvent.Filled.class, name = "FILLED"),
  @JsonSubTypes.Type(value = OrderEvent.OutcomeUnknown.class, name = "OUTCOME_UNKNOWN"),
  @JsonSubTypes.Type(value = OrderEvent.Rejected.class, name = "REJECTED"),
  @JsonSubTypes.Type(value = OrderEvent.CancelRequested.class, name = "CANCEL_REQUESTED"),
  @JsonSubTypes.Type(value = OrderEvent.Cancelled.class, name = "CANCELLED"),
  @JsonSubTypes.Type(value = OrderEvent.ModifyRequested.class, name = "MODIFY_REQUESTED"),
  @JsonSubTypes.Type(value = OrderEvent.Modified.class, name = "MODIFIED"),
  @JsonSubTypes.Type(value = OrderEvent.Working.class, name = "WORKING")
})
public sealed interface OrderEvent {

  /** The order it changes. */
  String orderId();

  /** When it happened (platform clock). */
  Instant at();

  /** The order after this event; {@code before} is null only for {@link Created}. */
  Order applyTo(Order before);

  /** The platform accepted the order (status NEW, HELD, or REJECTED by a rule). */
  record Created(Order order) implements OrderEvent {
    public Created {
      Objects.requireNonNull(order, "order");
    }

    @Override
    public String orderId() {
      return order.id();
    }

    @Override
    public Instant at() {
      return order.createdAt();
    }

    @Override
    public Order applyTo(Order before) {
      if (before != null) {
        throw new IllegalStateException("order " + order.id() + " was created twice");
      }
      return order;
    }
  }

  /** A person approved an order the workflow rules held. */
  record Released(String orderId, String actor, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.NEW, "released by " + actor, at);
    }
  }

  /** About to call the broker: written before the call, so a crash leaves a trace to reconcile. */
  record Submitting(String orderId, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.PENDING_SUBMIT, "", at);
    }
  }

  /** A parent order started being worked by its execution algorithm. */
  record Working(String orderId, String detail, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.OPEN, detail, at);
    }
  }

  /**
   * The broker reported the order's state (in a reply, a push or its order book). Quantities and
   * prices come from {@link Filled} events only, so a fill reported both ways counts once.
   */
  record BrokerReported(String orderId, OrderUpdate update, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      OrderStatus status = update.status();
      if (status == OrderStatus.FILLED && before.filledQuantity() < before.quantity()) {
        // the fills are on their way (or come from the trade book at reconciliation)
        status = before.filledQuantity() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
      }
      Order moved = OrderStateMachine.move(before, status, update.message(), at);
      String brokerId =
          update.brokerOrderId().isEmpty() ? before.brokerOrderId() : update.brokerOrderId();
      return moved.withBroker(
          moved.status(),
          moved.filledQuantity(),
          moved.averagePrice(),
          moved.charges(),
          brokerId,
          moved.message(),
          at);
    }
  }

  /** An execution. */
  record Filled(String orderId, Fill fill, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      long filled = before.filledQuantity() + fill.quantity();
      BigDecimal average =
          before.averagePrice() == null
              ? fill.price()
              : before
                  .averagePrice()
                  .multiply(BigDecimal.valueOf(before.filledQuantity()))
                  .add(fill.value())
                  .divide(BigDecimal.valueOf(filled), MathContext.DECIMAL64)
                  .setScale(4, RoundingMode.HALF_EVEN);
      OrderStatus status =
          before.status().isFinal()
              ? before.status() // a fill racing a cancel: the quantity counts, the state stays
              : filled >= before.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
      String brokerId =
          fill.brokerOrderId().isEmpty() ? before.brokerOrderId() : fill.brokerOrderId();
      return before.withBroker(
          status,
          filled,
          average,
          before.charges().add(fill.charges()),
          brokerId,
          before.message(),
          at);
    }
  }

  /** A broker call's outcome is not known (timeout, lost connection): reconcile before acting. */
  record OutcomeUnknown(String orderId, String reason, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.UNKNOWN, reason, at);
    }
  }

  /** Refused: by the broker, by a person who declined a held order, or by the platform. */
  record Rejected(String orderId, String reason, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.REJECTED, reason, at);
    }
  }

  /** Someone asked to cancel; written before the broker is asked. */
  record CancelRequested(String orderId, String actor, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return before.with(before.status(), "cancel requested by " + actor, at);
    }
  }

  /** The order is cancelled (remaining quantity will not trade). */
  record Cancelled(String orderId, String reason, Instant at) implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return OrderStateMachine.move(before, OrderStatus.CANCELLED, reason, at);
    }
  }

  /** Someone asked to change the order; written before the broker is asked. */
  record ModifyRequested(String orderId, String actor, OrderModification modification, Instant at)
      implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return before.with(before.status(), "modification requested by " + actor, at);
    }
  }

  /** The broker (or the platform, for an order not yet sent) accepted new terms. */
  record Modified(
      String orderId, long quantity, BigDecimal limitPrice, BigDecimal triggerPrice, Instant at)
      implements OrderEvent {
    @Override
    public Order applyTo(Order before) {
      return before.withTerms(quantity, limitPrice, triggerPrice, at);
    }
  }
}

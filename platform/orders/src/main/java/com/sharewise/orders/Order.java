package com.sharewise.orders;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One order as the platform knows it at a moment: what was asked, what the rules decided, and how
 * far it got at the broker. Immutable; each {@link OrderEvent} gives the next value.
 *
 * @param id the platform's order id; also the client order id (tag) the broker receives, so at most
 *     20 letters and digits
 * @param accountId the account
 * @param clientOrderId the caller's idempotency key
 * @param parentId the parent order's id for a child of an execution algorithm, else empty
 * @param strategyId the strategy instance that asked for it, empty for a manual order
 * @param instrument what it trades
 * @param side buy or sell
 * @param quantity total quantity
 * @param type order type
 * @param limitPrice limit price (LIMIT, SL), else null
 * @param triggerPrice trigger price (SL, SL-M), else null
 * @param product margin product
 * @param validity DAY or IOC
 * @param algorithm how the platform works it
 * @param algorithmParameters the algorithm's parameters
 * @param status where it stands
 * @param filledQuantity quantity filled so far
 * @param averagePrice volume-weighted fill price, or null before any fill
 * @param charges brokerage and taxes of its fills so far, in rupees
 * @param brokerOrderId the broker's id once it accepted the order, else empty
 * @param message the latest reason (rejection, cancellation, unknown outcome), else empty
 * @param decision what the rules decided
 * @param createdBy who placed it
 * @param createdAt when the platform accepted it
 * @param updatedAt when it last changed
 */
public record Order(
    String id,
    long accountId,
    String clientOrderId,
    String parentId,
    String strategyId,
    InstrumentId instrument,
    OrderSide side,
    long quantity,
    OrderType type,
    BigDecimal limitPrice,
    BigDecimal triggerPrice,
    Product product,
    Validity validity,
    Algorithm algorithm,
    Map<String, String> algorithmParameters,
    OrderStatus status,
    long filledQuantity,
    BigDecimal averagePrice,
    BigDecimal charges,
    String brokerOrderId,
    String message,
    Decision decision,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(status, "status");
    parentId = parentId == null ? "" : parentId;
    strategyId = strategyId == null ? "" : strategyId;
    algorithm = algorithm == null ? Algorithm.DIRECT : algorithm;
    algorithmParameters = algorithmParameters == null ? Map.of() : Map.copyOf(algorithmParameters);
    charges = charges == null ? BigDecimal.ZERO : charges;
    brokerOrderId = brokerOrderId == null ? "" : brokerOrderId;
    message = message == null ? "" : message;
    decision = decision == null ? Decision.NONE : decision;
    createdBy = createdBy == null ? "" : createdBy;
  }

  /** Quantity not yet filled. */
  @JsonIgnore
  public long remainingQuantity() {
    return quantity - filledQuantity;
  }

  /** Whether it is a parent worked by an execution algorithm (it never goes to a broker). */
  @JsonIgnore
  public boolean isParent() {
    return algorithm != Algorithm.DIRECT;
  }

  /** Whether it is a child of an execution algorithm's parent. */
  @JsonIgnore
  public boolean isChild() {
    return !parentId.isEmpty();
  }

  Order with(OrderStatus newStatus, String newMessage, Instant at) {
    return withBroker(
        newStatus, filledQuantity, averagePrice, charges, brokerOrderId, newMessage, at);
  }

  Order withBroker(
      OrderStatus newStatus,
      long filled,
      BigDecimal average,
      BigDecimal totalCharges,
      String brokerId,
      String newMessage,
      Instant at) {
    return new Order(
        id,
        accountId,
        clientOrderId,
        parentId,
        strategyId,
        instrument,
        side,
        quantity,
        type,
        limitPrice,
        triggerPrice,
        product,
        validity,
        algorithm,
        algorithmParameters,
        newStatus,
        filled,
        average,
        totalCharges,
        brokerId,
        newMessage,
        decision,
        createdBy,
        createdAt,
        at);
  }

  Order withTerms(long newQuantity, BigDecimal newLimit, BigDecimal newTrigger, Instant at) {
    return new Order(
        id,
        accountId,
        clientOrderId,
        parentId,
        strategyId,
        instrument,
        side,
        newQuantity,
        type,
        newLimit,
        newTrigger,
        product,
        validity,
        algorithm,
        algorithmParameters,
        status,
        filledQuantity,
        averagePrice,
        charges,
        brokerOrderId,
        message,
        decision,
        createdBy,
        createdAt,
        at);
  }
}

package com.sharewise.orders.rest;

import com.sharewise.orders.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An order on the wire.
 *
 * @param id the platform's order id (also the tag the broker sees)
 * @param clientOrderId the caller's idempotency key
 * @param accountId the account
 * @param parentId the parent order of an execution algorithm's child, else empty
 * @param strategyId the strategy instance that placed it, else empty
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param side BUY or SELL
 * @param type MARKET, LIMIT, SL or SL_M
 * @param product CNC, MIS or NRML
 * @param validity DAY or IOC
 * @param quantity total quantity
 * @param filledQuantity filled so far
 * @param price the limit price (LIMIT, SL), else null
 * @param triggerPrice the trigger price (SL, SL-M), else null
 * @param averagePrice average fill price, or null
 * @param charges brokerage and taxes so far, in rupees
 * @param status NEW, HELD, PENDING_SUBMIT, OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or
 *     UNKNOWN
 * @param reason why it was rejected, cancelled or is unknown; empty otherwise
 * @param algorithm how the platform works it (DIRECT, BRACKET, TWAP…)
 * @param algorithmParameters the algorithm's parameters
 * @param brokerOrderId the broker's id, once known
 * @param decisionId the rule decision's id (its explanation is in the order's detail)
 * @param decision APPROVE, MODIFY, HOLD_FOR_APPROVAL or REJECT
 * @param decisionRule the deciding rule, empty for a plain approval
 * @param createdBy who placed it
 * @param createdAt when the platform accepted it
 * @param updatedAt when it last changed
 */
public record OrderDto(
    String id,
    String clientOrderId,
    long accountId,
    String parentId,
    String strategyId,
    String instrument,
    String side,
    String type,
    String product,
    String validity,
    long quantity,
    long filledQuantity,
    BigDecimal price,
    BigDecimal triggerPrice,
    BigDecimal averagePrice,
    BigDecimal charges,
    String status,
    String reason,
    String algorithm,
    Map<String, String> algorithmParameters,
    String brokerOrderId,
    String decisionId,
    String decision,
    String decisionRule,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  static OrderDto of(Order o) {
    return new OrderDto(
        o.id(),
        o.clientOrderId(),
        o.accountId(),
        o.parentId(),
        o.strategyId(),
        o.instrument().toString(),
        o.side().name(),
        o.type().name(),
        o.product().name(),
        o.validity().name(),
        o.quantity(),
        o.filledQuantity(),
        o.limitPrice(),
        o.triggerPrice(),
        o.averagePrice(),
        o.charges(),
        o.status().name(),
        o.message(),
        o.algorithm().name(),
        o.algorithmParameters(),
        o.brokerOrderId(),
        o.decision().id(),
        o.decision().outcome(),
        o.decision().ruleName(),
        o.createdBy(),
        o.createdAt(),
        o.updatedAt());
  }
}

package com.sharewise.broker.paper.internal;

import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order in the paper book and the state its events have brought it to. Mutable; guarded by the
 * adapter's lock.
 */
final class PaperOrder {

  private final String brokerOrderId;
  private final OrderRequest request;
  private OrderStatus status = OrderStatus.OPEN;
  private long filledQuantity;
  private BigDecimal filledValue = BigDecimal.ZERO;
  private String message = "";
  private Instant updated;

  PaperOrder(String brokerOrderId, OrderRequest request, Instant placed) {
    this.brokerOrderId = brokerOrderId;
    this.request = request;
    this.updated = placed;
  }

  String brokerOrderId() {
    return brokerOrderId;
  }

  OrderRequest request() {
    return request;
  }

  OrderStatus status() {
    return status;
  }

  void filled(long quantity, BigDecimal price, Instant time) {
    requireOpen();
    if (filledQuantity + quantity > request.quantity()) {
      throw new IllegalStateException(brokerOrderId + " would be filled beyond its quantity");
    }
    filledQuantity += quantity;
    filledValue = filledValue.add(price.multiply(BigDecimal.valueOf(quantity)));
    status =
        filledQuantity == request.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    updated = time;
  }

  void ended(OrderStatus finalStatus, String reason, Instant time) {
    requireOpen();
    status = finalStatus;
    message = reason;
    updated = time;
  }

  OrderUpdate toUpdate() {
    return new OrderUpdate(
        request.clientOrderId(),
        brokerOrderId,
        status,
        filledQuantity,
        filledQuantity == 0 ? null : Prices.average(filledValue, filledQuantity),
        message,
        updated);
  }

  private void requireOpen() {
    if (status.isFinal()) {
      throw new IllegalStateException(brokerOrderId + " is already " + status);
    }
  }
}

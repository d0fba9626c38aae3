package com.sharewise.broker.paper.internal;

import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order in the paper book and the state its events have brought it to: its current terms
 * (modifications replace them), fills, whether its stop has triggered, and whether it has met the
 * market since it last became active. Mutable; guarded by the adapter's lock.
 */
final class PaperOrder {

  private final String brokerOrderId;
  private OrderRequest request;
  private OrderStatus status = OrderStatus.OPEN;
  private long filledQuantity;
  private int fills;
  private BigDecimal filledValue = BigDecimal.ZERO;
  private String message = "";
  private Instant updated;
  private Instant activeFrom;
  private boolean triggered;
  private boolean metMarket;

  PaperOrder(String brokerOrderId, OrderRequest request, Instant placed) {
    this.brokerOrderId = brokerOrderId;
    this.request = request;
    this.updated = placed;
    this.activeFrom = placed;
  }

  String brokerOrderId() {
    return brokerOrderId;
  }

  /** The order's current terms: as placed, or as last modified. */
  OrderRequest request() {
    return request;
  }

  OrderStatus status() {
    return status;
  }

  long remaining() {
    return request.quantity() - filledQuantity;
  }

  long filledQuantity() {
    return filledQuantity;
  }

  /** Fills so far; the next one's id is {@code <brokerOrderId>-<fills + 1>}. */
  int fills() {
    return fills;
  }

  /** When the order was placed or last modified: latency counts from here. */
  Instant activeFrom() {
    return activeFrom;
  }

  /** True for a stop-loss order whose trigger has traded. */
  boolean triggered() {
    return triggered;
  }

  /** True while the order waits for its trigger: a SL or SL-M not yet triggered. */
  boolean awaitingTrigger() {
    return request.type().needsTriggerPrice() && !triggered;
  }

  /** True when the order, as it works now, trades at market (MARKET, or an SL-M triggered). */
  boolean worksAtMarket() {
    return request.type() == OrderType.MARKET || request.type() == OrderType.SL_M;
  }

  /**
   * True once the order has met the market since it became active (placed, modified, triggered):
   * until then a marketable order takes the visible depth; afterwards its remainder rests and fills
   * only from traded volume.
   */
  boolean metMarket() {
    return metMarket;
  }

  void metMarket(boolean met) {
    metMarket = met;
  }

  boolean isWorking() {
    return !status.isFinal();
  }

  void filled(long quantity, BigDecimal price, Instant time) {
    requireWorking();
    if (quantity > remaining()) {
      throw new IllegalStateException(brokerOrderId + " would be filled beyond its quantity");
    }
    filledQuantity += quantity;
    fills++;
    filledValue = filledValue.add(price.multiply(BigDecimal.valueOf(quantity)));
    status = statusByFills();
    updated = time;
    metMarket = true;
  }

  void triggered(Instant time) {
    requireWorking();
    if (!awaitingTrigger()) {
      throw new IllegalStateException(brokerOrderId + " has no trigger waiting");
    }
    triggered = true;
    metMarket = false;
    updated = time;
  }

  /** New terms; a stop stays triggered only while it remains a stop. */
  void modified(OrderRequest terms, Instant time) {
    requireWorking();
    if (terms.quantity() < filledQuantity) {
      throw new IllegalStateException(
          brokerOrderId + " cannot shrink below its filled " + filledQuantity);
    }
    triggered = triggered && terms.type().needsTriggerPrice();
    request = terms;
    status = statusByFills();
    activeFrom = time;
    updated = time;
    metMarket = false;
  }

  void ended(OrderStatus finalStatus, String reason, Instant time) {
    requireWorking();
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

  private OrderStatus statusByFills() {
    if (filledQuantity == request.quantity()) {
      return OrderStatus.FILLED;
    }
    return filledQuantity == 0 ? OrderStatus.OPEN : OrderStatus.PARTIALLY_FILLED;
  }

  private void requireWorking() {
    if (status.isFinal()) {
      throw new IllegalStateException(brokerOrderId + " is already " + status);
    }
  }
}

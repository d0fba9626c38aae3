package com.sharewise.broker.paper.internal;

import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper account's orders, fills and positions in memory. It changes only by {@link #apply}ing
 * {@link OrderEvent}s, live and when the journal is replayed, so the two can never disagree.
 * Mutable; guarded by the adapter's lock.
 */
final class OrderBook {

  private final Map<String, PaperOrder> byBrokerOrderId = new LinkedHashMap<>();
  private final Map<String, PaperOrder> byClientOrderId = new HashMap<>();
  private final Map<String, Fill> fills = new LinkedHashMap<>();
  private final PositionBook positions = new PositionBook();

  /**
   * Applies one event.
   *
   * @throws IllegalStateException when the event does not fit the book (an unknown or duplicate
   *     order, a fill of a finished order); the journal reports it with the line number
   */
  void apply(OrderEvent event) {
    switch (event) {
      case OrderEvent.Placed placed -> {
        OrderRequest request = placed.request();
        if (byBrokerOrderId.containsKey(placed.brokerOrderId())
            || byClientOrderId.containsKey(request.clientOrderId())) {
          throw new IllegalStateException(
              "order "
                  + placed.brokerOrderId()
                  + " / "
                  + request.clientOrderId()
                  + " placed twice");
        }
        PaperOrder order = new PaperOrder(placed.brokerOrderId(), request, placed.time());
        byBrokerOrderId.put(order.brokerOrderId(), order);
        byClientOrderId.put(request.clientOrderId(), order);
      }
      case OrderEvent.Filled filled -> {
        PaperOrder order = order(filled.brokerOrderId());
        order.filled(filled.quantity(), filled.price(), filled.time());
        OrderRequest request = order.request();
        Fill fill =
            new Fill(
                filled.fillId(),
                request.clientOrderId(),
                order.brokerOrderId(),
                request.instrument(),
                request.side(),
                filled.quantity(),
                filled.price(),
                filled.time());
        if (fills.putIfAbsent(fill.fillId(), fill) != null) {
          throw new IllegalStateException("fill " + fill.fillId() + " recorded twice");
        }
        positions.apply(
            request.instrument(), request.product(), request.side(), fill.quantity(), fill.price());
      }
      case OrderEvent.Cancelled cancelled ->
          order(cancelled.brokerOrderId())
              .ended(OrderStatus.CANCELLED, cancelled.reason(), cancelled.time());
      case OrderEvent.Rejected rejected ->
          order(rejected.brokerOrderId())
              .ended(OrderStatus.REJECTED, rejected.reason(), rejected.time());
    }
  }

  /** Broker order ids count up from {@code PAPER-1} in placement order, rejections included. */
  String nextBrokerOrderId() {
    return "PAPER-" + (byBrokerOrderId.size() + 1);
  }

  PaperOrder order(String brokerOrderId) {
    PaperOrder order = byBrokerOrderId.get(brokerOrderId);
    if (order == null) {
      throw new IllegalStateException("no order " + brokerOrderId);
    }
    return order;
  }

  Optional<PaperOrder> withClientOrderId(String clientOrderId) {
    return Optional.ofNullable(byClientOrderId.get(clientOrderId));
  }

  /** The order with {@code brokerOrderId} if one is given, else the one with the client id. */
  Optional<PaperOrder> find(String clientOrderId, String brokerOrderId) {
    return brokerOrderId == null || brokerOrderId.isBlank()
        ? withClientOrderId(clientOrderId)
        : Optional.ofNullable(byBrokerOrderId.get(brokerOrderId));
  }

  Fill fill(String fillId) {
    return fills.get(fillId);
  }

  List<OrderUpdate> orders() {
    return byBrokerOrderId.values().stream().map(PaperOrder::toUpdate).toList();
  }

  List<Fill> fills() {
    return List.copyOf(fills.values());
  }

  List<Position> positions(AccountRef account) {
    return positions.positions(account);
  }
}

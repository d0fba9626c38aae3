package com.sharewise.orders.algo;

import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.orders.BrokerEvents;
import com.sharewise.orders.BrokerGateway;
import com.sharewise.orders.BrokerSession;
import com.sharewise.orders.testkit.TestQuotes;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker that accepts everything and fills only when told: {@link #fill} for one order, {@link
 * #fillMarketOrders} for every open MARKET order at the last quote. Fills are pushed to the order
 * service like a real adapter's.
 */
final class FakeBroker implements BrokerGateway, BrokerSession {

  /** One order as the broker holds it. */
  static final class Held {
    final OrderRequest request;
    long quantity;
    BigDecimal limit;
    BigDecimal trigger;
    OrderStatus status = OrderStatus.OPEN;
    long filled;
    final List<BigDecimal> triggers = new ArrayList<>();

    Held(OrderRequest request) {
      this.request = request;
      this.quantity = request.quantity();
      this.limit = request.limitPrice();
      this.trigger = request.triggerPrice();
      if (trigger != null) {
        triggers.add(trigger);
      }
    }
  }

  private final Clock clock;
  private final TestQuotes quotes;
  private final Map<String, Held> orders = new LinkedHashMap<>();
  private final List<Fill> trades = new ArrayList<>();
  private BrokerEvents events;
  private long accountId;
  private int sequence;

  FakeBroker(Clock clock, TestQuotes quotes) {
    this.clock = clock;
    this.quotes = quotes;
  }

  void reportTo(BrokerEvents events, long accountId) {
    this.events = events;
    this.accountId = accountId;
  }

  Held held(String orderId) {
    return orders.get(orderId);
  }

  /** Fills {@code quantity} of an order at {@code price}, as the exchange reports it. */
  synchronized void fill(String orderId, long quantity, double price) {
    Held held = orders.get(orderId);
    held.filled += quantity;
    held.status = held.filled >= held.quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    Fill fill =
        new Fill(
            "T" + ++sequence,
            orderId,
            "B" + orderId,
            held.request.instrument(),
            held.request.side(),
            quantity,
            BigDecimal.valueOf(price),
            clock.instant());
    trades.add(fill);
    events.filled(accountId, fill);
  }

  /** Fills every open MARKET order completely at the last quote; how many. */
  int fillMarketOrders() {
    List<String> open;
    synchronized (this) {
      open =
          orders.entrySet().stream()
              .filter(e -> e.getValue().request.type() == OrderType.MARKET)
              .filter(e -> e.getValue().status == OrderStatus.OPEN)
              .map(Map.Entry::getKey)
              .toList();
    }
    for (String id : open) {
      Held held = orders.get(id);
      double price = quotes.latest(held.request.instrument()).orElseThrow().lastPrice();
      fill(id, held.quantity - held.filled, price);
    }
    return open.size();
  }

  @Override
  public BrokerSession session(long account, String brokerId) {
    return this;
  }

  @Override
  public void close() {}

  @Override
  public String brokerId() {
    return "fake";
  }

  @Override
  public synchronized OrderUpdate place(OrderRequest request) {
    Held held = orders.computeIfAbsent(request.clientOrderId(), k -> new Held(request));
    return update(request.clientOrderId(), held);
  }

  @Override
  public synchronized OrderUpdate modify(
      String clientOrderId, String brokerOrderId, OrderModification change) throws BrokerException {
    Held held = orders.get(clientOrderId);
    if (change.quantity() != null) {
      held.quantity = change.quantity();
    }
    if (change.limitPrice() != null) {
      held.limit = change.limitPrice();
    }
    if (change.triggerPrice() != null && !change.triggerPrice().equals(held.trigger)) {
      held.trigger = change.triggerPrice();
      held.triggers.add(held.trigger);
    }
    return update(clientOrderId, held);
  }

  @Override
  public synchronized OrderUpdate cancel(String clientOrderId, String brokerOrderId) {
    Held held = orders.get(clientOrderId);
    held.status = OrderStatus.CANCELLED;
    return update(clientOrderId, held);
  }

  @Override
  public synchronized List<OrderUpdate> orderBook() {
    return orders.entrySet().stream().map(e -> update(e.getKey(), e.getValue())).toList();
  }

  @Override
  public synchronized List<Fill> tradeBook() {
    return List.copyOf(trades);
  }

  private OrderUpdate update(String clientOrderId, Held held) {
    return new OrderUpdate(
        clientOrderId, "B" + clientOrderId, held.status, held.filled, null, "", clock.instant());
  }
}

package com.sharewise.orders.rest;

import com.sharewise.orders.AccountFill;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderListener;
import com.sharewise.orders.Portfolio;
import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.StreamHub;
import java.util.List;

/**
 * Pushes the order area's changes to WebSocket clients, keyed by account id: {@value #ORDERS}
 * (every journaled order change, in order), {@value #FILLS} (each fill) and {@value #POSITIONS}
 * (the position a fill changed, marked to the latest quote).
 */
public final class OrderStreams implements OrderListener {

  public static final String ORDERS = "orders";
  public static final String FILLS = "fills";
  public static final String POSITIONS = "positions";

  /** The channels to register with the hub. */
  public static List<StreamChannel> channels() {
    return List.of(
        StreamChannel.events(ORDERS), StreamChannel.events(FILLS), StreamChannel.events(POSITIONS));
  }

  private final StreamHub hub;
  private final Portfolio portfolio;

  public OrderStreams(StreamHub hub, Portfolio portfolio) {
    this.hub = hub;
    this.portfolio = portfolio;
  }

  @Override
  public void orderChanged(Order order, OrderEvent event) {
    String key = Long.toString(order.accountId());
    if (hub.hasSubscribers(ORDERS, key)) {
      hub.publish(ORDERS, key, OrderDto.of(order));
    }
  }

  @Override
  public void filled(AccountFill fill) {
    String key = Long.toString(fill.accountId());
    if (hub.hasSubscribers(FILLS, key)) {
      hub.publish(FILLS, key, FillDto.of(fill));
    }
    if (hub.hasSubscribers(POSITIONS, key)) {
      portfolio.positions(fill.accountId()).stream()
          .filter(
              p -> p.instrument().equals(fill.fill().instrument()) && p.product() == fill.product())
          .findFirst()
          .ifPresent(p -> hub.publish(POSITIONS, key, PositionDto.of(p)));
    }
  }
}

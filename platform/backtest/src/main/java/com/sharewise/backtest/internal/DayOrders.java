package com.sharewise.backtest.internal;

import com.sharewise.api.trading.Validity;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderException;
import com.sharewise.orders.OrderListener;
import com.sharewise.orders.OrderService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expires DAY orders at the end of their session, as the exchange does: a backtest's limit order
 * that never became marketable must not stay in the book for years (nor keep the paper broker
 * matching it against every later bar). Follows which DAY orders are working through the order
 * path's events, and cancels them through the order path when the replay reaches a new IST day.
 * Confined to the backtest's thread.
 */
final class DayOrders implements OrderListener {

  private static final String ACTOR = "exchange";
  private static final String REASON = "DAY order expired at the session close";

  private final Set<String> working = new LinkedHashSet<>();

  @Override
  public void orderChanged(Order order, OrderEvent event) {
    if (order.validity() != Validity.DAY || order.isParent()) {
      return;
    }
    if (order.status().isWorking() || order.status() == com.sharewise.api.trading.OrderStatus.NEW) {
      working.add(order.id());
    } else {
      working.remove(order.id());
    }
  }

  /** Cancels every DAY order still working. */
  void expire(OrderService orders) {
    if (working.isEmpty()) {
      return;
    }
    List<String> expiring = new ArrayList<>(working);
    for (String id : expiring) {
      try {
        orders.cancel(id, ACTOR, REASON);
      } catch (OrderException e) {
        // finished meanwhile (filled by the last quote): nothing to expire
      }
      working.remove(id);
    }
  }
}

package com.sharewise.backtest.internal;

import com.sharewise.orders.AccountFill;
import com.sharewise.orders.JournalEntry;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderQuery;
import com.sharewise.orders.OrderStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The backtest's journal: a {@link MemoryOrderStore} plus an index by client order id. The order
 * path asks for the order of a client order id on every placement (idempotency), which the memory
 * journal answers by scanning every order; a backtest places tens of thousands, so the scan alone
 * would grow quadratically. Confined to the backtest's thread.
 */
final class IndexedOrderStore implements OrderStore {

  private final MemoryOrderStore journal = new MemoryOrderStore();
  private final Map<String, String> byClientOrderId = new HashMap<>();

  @Override
  public void append(List<JournalEntry> entries) {
    journal.append(entries);
    for (JournalEntry entry : entries) {
      Order order = entry.after();
      byClientOrderId.putIfAbsent(key(order.accountId(), order.clientOrderId()), order.id());
    }
  }

  @Override
  public Optional<Order> findByClientOrderId(long accountId, String clientOrderId) {
    String id = byClientOrderId.get(key(accountId, clientOrderId));
    return id == null ? Optional.empty() : journal.find(id);
  }

  /** Every order, in creation order. */
  List<Order> orders() {
    return journal.orders();
  }

  @Override
  public void replay(int days, Consumer<OrderEvent> events) {
    journal.replay(days, events);
  }

  @Override
  public void replayFills(Consumer<AccountFill> fills) {
    journal.replayFills(fills);
  }

  @Override
  public Optional<Order> find(String orderId) {
    return journal.find(orderId);
  }

  @Override
  public List<Order> query(OrderQuery query) {
    return journal.query(query);
  }

  @Override
  public List<OrderEvent> history(String orderId) {
    return journal.history(orderId);
  }

  @Override
  public List<AccountFill> fills(Set<Long> accountIds, int limit) {
    return journal.fills(accountIds, limit);
  }

  @Override
  public void close() {
    journal.close();
  }

  private static String key(long accountId, String clientOrderId) {
    return accountId + "|" + clientOrderId;
  }
}

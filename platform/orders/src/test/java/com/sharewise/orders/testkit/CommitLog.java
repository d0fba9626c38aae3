package com.sharewise.orders.testkit;

import com.sharewise.orders.AccountFill;
import com.sharewise.orders.JournalEntry;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderQuery;
import com.sharewise.orders.OrderStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A memory journal that remembers each append as one commit: the names of its events, in order. A
 * test sees how many commits (synchronous flushes, live) an order path costs.
 */
public final class CommitLog implements OrderStore {

  private final MemoryOrderStore store = new MemoryOrderStore();
  private final List<List<String>> commits = new CopyOnWriteArrayList<>();

  /** Every append so far, each as its events' simple class names. */
  public List<List<String>> commits() {
    return List.copyOf(commits);
  }

  @Override
  public void append(List<JournalEntry> entries) {
    store.append(entries);
    commits.add(entries.stream().map(e -> e.event().getClass().getSimpleName()).toList());
  }

  @Override
  public void replay(int days, Consumer<OrderEvent> events) {
    store.replay(days, events);
  }

  @Override
  public void replayFills(Consumer<AccountFill> fills) {
    store.replayFills(fills);
  }

  @Override
  public Optional<Order> find(String orderId) {
    return store.find(orderId);
  }

  @Override
  public Optional<Order> findByClientOrderId(long accountId, String clientOrderId) {
    return store.findByClientOrderId(accountId, clientOrderId);
  }

  @Override
  public List<Order> query(OrderQuery query) {
    return store.query(query);
  }

  @Override
  public List<OrderEvent> history(String orderId) {
    return store.history(orderId);
  }

  @Override
  public List<AccountFill> fills(Set<Long> accountIds, int limit) {
    return store.fills(accountIds, limit);
  }

  @Override
  public void close() {
    store.close();
  }
}

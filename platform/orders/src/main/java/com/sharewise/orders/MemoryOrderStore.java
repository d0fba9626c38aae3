package com.sharewise.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A journal kept in memory, for backtests (whose orders are stored with their results afterwards)
 * and tests. Same contract as the PostgreSQL journal, minus durability. Thread-safe.
 */
public final class MemoryOrderStore implements OrderStore {

  private final List<OrderEvent> events = new ArrayList<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, List<OrderEvent>> histories = new HashMap<>();
  private final Map<String, AccountFill> fillsById = new LinkedHashMap<>();

  @Override
  public synchronized void append(List<JournalEntry> entries) {
    for (JournalEntry entry : entries) {
      Order after = entry.after();
      events.add(entry.event());
      orders.put(after.id(), after);
      histories.computeIfAbsent(after.id(), id -> new ArrayList<>()).add(entry.event());
      if (entry.event() instanceof OrderEvent.Filled filled) {
        fillsById.putIfAbsent(
            after.accountId() + "|" + filled.fill().fillId(),
            new AccountFill(after.accountId(), after.id(), after.product(), filled.fill()));
      }
    }
  }

  @Override
  public synchronized void replay(int days, Consumer<OrderEvent> consumer) {
    List.copyOf(events).forEach(consumer);
  }

  @Override
  public synchronized void replayFills(Consumer<AccountFill> consumer) {
    List.copyOf(fillsById.values()).forEach(consumer);
  }

  @Override
  public synchronized Optional<Order> find(String orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }

  @Override
  public synchronized Optional<Order> findByClientOrderId(long accountId, String clientOrderId) {
    return orders.values().stream()
        .filter(o -> o.accountId() == accountId && o.clientOrderId().equals(clientOrderId))
        .findFirst();
  }

  @Override
  public synchronized List<Order> query(OrderQuery query) {
    return orders.values().stream()
        .filter(query::matches)
        .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized List<OrderEvent> history(String orderId) {
    return List.copyOf(histories.getOrDefault(orderId, List.of()));
  }

  @Override
  public synchronized List<AccountFill> fills(Set<Long> accountIds, int limit) {
    List<AccountFill> all = new ArrayList<>(fillsById.values());
    java.util.Collections.reverse(all);
    return all.stream()
        .filter(f -> accountIds == null || accountIds.contains(f.accountId()))
        .limit(limit)
        .toList();
  }

  /** Every order, in creation order (a backtest's result). */
  public synchronized List<Order> orders() {
    return List.copyOf(orders.values());
  }

  @Override
  public void close() {}
}

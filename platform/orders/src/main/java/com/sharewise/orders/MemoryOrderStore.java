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
 * and tests. Same contract as the PostgreSQL journal, minus durability. Looking an order up by id
 * or by client order id takes constant time: a backtest places tens of thousands of orders, and the
 * order path asks for the client order id on every placement. Thread-safe.
 */
public final class MemoryOrderStore implements OrderStore {

  private final List<OrderEvent> events = new ArrayList<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, List<OrderEvent>> histories = new HashMap<>();
  private final Map<FillKey, AccountFill> fillsById = new LinkedHashMap<>();
  // the id of the first order journaled with each client order id, per account
  private final Map<ClientKey, String> byClientOrderId = new HashMap<>();

  @Override
  public synchronized void append(List<JournalEntry> entries) {
    for (JournalEntry entry : entries) {
      Order after = entry.after();
      events.add(entry.event());
      if (orders.put(after.id(), after) == null) {
        byClientOrderId.putIfAbsent(
            new ClientKey(after.accountId(), after.clientOrderId()), after.id());
      }
      histories.computeIfAbsent(after.id(), id -> new ArrayList<>()).add(entry.event());
      if (entry.event() instanceof OrderEvent.Filled filled) {
        FillKey key = new FillKey(after.accountId(), filled.fill().fillId());
        if (!fillsById.containsKey(key)) {
          fillsById.put(
              key, new AccountFill(after.accountId(), after.id(), after.product(), filled.fill()));
        }
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
    String id = byClientOrderId.get(new ClientKey(accountId, clientOrderId));
    return id == null ? Optional.empty() : Optional.of(orders.get(id));
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

  /** A client order id is used once per account. */
  private record ClientKey(long accountId, String clientOrderId) {}

  /** A fill id is unique within its account. */
  private record FillKey(long accountId, String fillId) {}
}

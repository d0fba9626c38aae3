package com.sharewise.orders;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the order path keeps its journal. Live it is PostgreSQL (every {@link #append} is a
 * synchronous commit); a backtest keeps it in memory. Implementations are thread-safe.
 */
public interface OrderStore extends AutoCloseable {

  /**
   * Makes {@code entries} durable, in order, and returns only when they are. Concurrent callers may
   * share one commit (group commit).
   *
   * @throws JournalException when they could not be written; then none of them were
   */
  void append(List<JournalEntry> entries);

  /**
   * Replays the events of every order that still matters after a restart — not final, or changed in
   * the last {@code days} days — in journal order.
   */
  void replay(int days, Consumer<OrderEvent> events);

  /** Every fill ever booked, in journal order (positions are rebuilt from them). */
  void replayFills(Consumer<AccountFill> fills);

  /** The order with this id. */
  Optional<Order> find(String orderId);

  /** The order placed with this idempotency key. */
  Optional<Order> findByClientOrderId(long accountId, String clientOrderId);

  /** Orders matching {@code query}, newest first. */
  List<Order> query(OrderQuery query);

  /** The events of one order, oldest first. */
  List<OrderEvent> history(String orderId);

  /** Fills of these accounts (null = all), newest first. */
  List<AccountFill> fills(java.util.Set<Long> accountIds, int limit);

  @Override
  void close();

  /** The journal could not be written; nothing of the failed append is durable. */
  final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package com.sharewise.orders;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Filters for listing orders; null fields do not filter.
 *
 * @param accountIds only these accounts (null = every account, for risk officers)
 * @param statuses only these statuses
 * @param instrument only this instrument
 * @param strategyId only this strategy instance's orders
 * @param parentId only the children of this parent
 * @param from created at or after
 * @param to created before
 * @param limit at most this many, newest first (1–1000)
 */
public record OrderQuery(
    Set<Long> accountIds,
    Set<OrderStatus> statuses,
    InstrumentId instrument,
    String strategyId,
    String parentId,
    Instant from,
    Instant to,
    int limit) {

  public OrderQuery {
    accountIds = accountIds == null ? null : Set.copyOf(accountIds);
    statuses = statuses == null || statuses.isEmpty() ? null : Set.copyOf(statuses);
    if (limit < 1 || limit > 1000) {
      throw new OrderException(
          OrderException.Reason.INVALID, "limit must be between 1 and 1000, got " + limit);
    }
    if (from != null && to != null && !to.isAfter(from)) {
      // an empty range is a swapped or mistyped one: say so rather than list nothing
      throw new OrderException(
          OrderException.Reason.INVALID, "to (" + to + ") must be after from (" + from + ")");
    }
  }

  /** Every order of {@code accountIds}, newest first. */
  public static OrderQuery of(Set<Long> accountIds, int limit) {
    return new OrderQuery(accountIds, null, null, null, null, null, null, limit);
  }

  /** Whether {@code order} passes the filters. */
  public boolean matches(Order order) {
    return (accountIds == null || accountIds.contains(order.accountId()))
        && (statuses == null || statuses.contains(order.status()))
        && (instrument == null || instrument.equals(order.instrument()))
        && (strategyId == null || strategyId.equals(order.strategyId()))
        && (parentId == null || parentId.equals(order.parentId()))
        && (from == null || !order.createdAt().isBefore(from))
        && (to == null || order.createdAt().isBefore(to));
  }
}

package com.sharewise.orders.internal;

import com.sharewise.api.trading.Fill;
import com.sharewise.orders.AccountFill;
import com.sharewise.orders.JournalEntry;
import com.sharewise.orders.Order;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes one group commit's rows — events, the orders' current state, new fills — in one statement
 * whose columns arrive as arrays ({@code unnest}). The statement's text never changes, so
 * PostgreSQL plans it once per connection, and nothing is rendered per row: the journal's single
 * writer spends its time on the database, not on building SQL or waiting for round trips.
 *
 * <p>Timestamps and decimals travel as text and are cast by the server, which parses exactly what
 * {@link Instant#toString} and {@link BigDecimal#toPlainString} write.
 */
final class JournalRows {

  // One statement per group commit, so a commit costs one round trip to the database (with
  // autocommit, the statement is its transaction): the events and fills are written by
  // data-modifying WITH clauses, which PostgreSQL always runs to completion. WITH ORDINALITY …
  // ORDER BY keeps the batch's order, so seq follows journal order; a fill id already booked for
  // the account is skipped. Parameters: 6 event columns, then 11 fill columns, then 24 order
  // columns; a batch without fills passes empty arrays.
  private static final String WRITE =
      """
      with events as (
        insert into order_event (order_id, account_id, type, status, at, detail)
        select o, a, t, s, w, d
        from unnest(?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::timestamptz[],
          ?::text[]) with ordinality as e(o, a, t, s, w, d, n)
        order by n
        returning 1),
      fills as (
        insert into order_fill (account_id, fill_id, order_id, broker_order_id, instrument, side,
          product, quantity, price, charges, at)
        select a, f, o, b, i, s, p, q, r, c, w
        from unnest(?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
          ?::varchar[], ?::varchar[], ?::int8[], ?::numeric[], ?::numeric[], ?::timestamptz[])
          with ordinality as x(a, f, o, b, i, s, p, q, r, c, w, n)
        order by n
        on conflict do nothing
        returning 1)
      insert into trade_order (id, account_id, client_order_id, parent_id, strategy_id, instrument,
        side, quantity, order_type, limit_price, trigger_price, product, validity, algorithm, status,
        filled_quantity, average_price, broker_order_id, message, decision_id, snapshot, created_by,
        created_at, updated_at)
      select * from unnest(?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[],
        ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::numeric[], ?::numeric[],
        ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::numeric[],
        ?::varchar[], ?::text[], ?::varchar[], ?::text[], ?::varchar[], ?::timestamptz[],
        ?::timestamptz[])
      on conflict (id) do update set
        quantity = excluded.quantity,
        limit_price = excluded.limit_price,
        trigger_price = excluded.trigger_price,
        status = excluded.status,
        filled_quantity = excluded.filled_quantity,
        average_price = excluded.average_price,
        broker_order_id = excluded.broker_order_id,
        message = excluded.message,
        snapshot = excluded.snapshot,
        updated_at = excluded.updated_at""";

  private final JournalCodec codec;

  JournalRows(JournalCodec codec) {
    this.codec = codec;
  }

  /**
   * Writes one group commit in one statement: {@code entries}' events in order, the current state
   * of {@code orders} (each id at most once, inserted or updated) and new {@code fills}.
   */
  void write(
      Connection c, List<JournalEntry> entries, Collection<Order> orders, List<AccountFill> fills)
      throws SQLException {
    Array[] events = events(c, entries);
    Array[] booked = fills(c, fills);
    Array[] current = orders(c, orders);
    Array[] columns = new Array[events.length + booked.length + current.length];
    System.arraycopy(events, 0, columns, 0, events.length);
    System.arraycopy(booked, 0, columns, events.length, booked.length);
    System.arraycopy(current, 0, columns, events.length + booked.length, current.length);
    execute(c, columns);
  }

  private Array[] events(Connection c, List<JournalEntry> entries) throws SQLException {
    int n = entries.size();
    String[] orderIds = new String[n];
    Long[] accounts = new Long[n];
    String[] types = new String[n];
    String[] statuses = new String[n];
    String[] at = new String[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      JournalEntry entry = entries.get(i);
      Order after = entry.after();
      orderIds[i] = after.id();
      accounts[i] = after.accountId();
      types[i] = JournalCodec.typeName(entry.event());
      statuses[i] = after.status().name();
      at[i] = entry.event().at().toString();
      details[i] = codec.write(entry.event());
    }
    return columns(
        text(c, orderIds),
        bigints(c, accounts),
        text(c, types),
        text(c, statuses),
        text(c, at),
        text(c, details));
  }

  private Array[] orders(Connection c, Collection<Order> orders) throws SQLException {
    int n = orders.size();
    String[] id = new String[n];
    Long[] account = new Long[n];
    String[] clientOrderId = new String[n];
    String[] parentId = new String[n];
    String[] strategyId = new String[n];
    String[] instrument = new String[n];
    String[] side = new String[n];
    Long[] quantity = new Long[n];
    String[] type = new String[n];
    String[] limit = new String[n];
    String[] trigger = new String[n];
    String[] product = new String[n];
    String[] validity = new String[n];
    String[] algorithm = new String[n];
    String[] status = new String[n];
    Long[] filled = new Long[n];
    String[] average = new String[n];
    String[] brokerOrderId = new String[n];
    String[] message = new String[n];
    String[] decisionId = new String[n];
    String[] snapshot = new String[n];
    String[] createdBy = new String[n];
    String[] createdAt = new String[n];
    String[] updatedAt = new String[n];
    int i = 0;
    for (Order o : orders) {
      id[i] = o.id();
      account[i] = o.accountId();
      clientOrderId[i] = o.clientOrderId();
      parentId[i] = o.parentId().isEmpty() ? null : o.parentId();
      strategyId[i] = o.strategyId();
      instrument[i] = o.instrument().toString();
      side[i] = o.side().name();
      quantity[i] = o.quantity();
      type[i] = o.type().name();
      limit[i] = decimal(o.limitPrice());
      trigger[i] = decimal(o.triggerPrice());
      product[i] = o.product().name();
      validity[i] = o.validity().name();
      algorithm[i] = o.algorithm().name();
      status[i] = o.status().name();
      filled[i] = o.filledQuantity();
      average[i] = decimal(o.averagePrice());
      brokerOrderId[i] = o.brokerOrderId();
      message[i] = o.message();
      decisionId[i] = o.decision().id();
      snapshot[i] = codec.write(o);
      createdBy[i] = o.createdBy();
      createdAt[i] = o.createdAt().toString();
      updatedAt[i] = o.updatedAt().toString();
      i++;
    }
    return columns(
        text(c, id),
        bigints(c, account),
        text(c, clientOrderId),
        text(c, parentId),
        text(c, strategyId),
        text(c, instrument),
        text(c, side),
        bigints(c, quantity),
        text(c, type),
        text(c, limit),
        text(c, trigger),
        text(c, product),
        text(c, validity),
        text(c, algorithm),
        text(c, status),
        bigints(c, filled),
        text(c, average),
        text(c, brokerOrderId),
        text(c, message),
        text(c, decisionId),
        text(c, snapshot),
        text(c, createdBy),
        text(c, createdAt),
        text(c, updatedAt));
  }

  private Array[] fills(Connection c, List<AccountFill> fills) throws SQLException {
    int n = fills.size();
    Long[] account = new Long[n];
    String[] fillId = new String[n];
    String[] orderId = new String[n];
    String[] brokerOrderId = new String[n];
    String[] instrument = new String[n];
    String[] side = new String[n];
    String[] product = new String[n];
    Long[] quantity = new Long[n];
    String[] price = new String[n];
    String[] charges = new String[n];
    String[] at = new String[n];
    for (int i = 0; i < n; i++) {
      AccountFill f = fills.get(i);
      Fill fill = f.fill();
      account[i] = f.accountId();
      fillId[i] = fill.fillId();
      orderId[i] = f.orderId();
      brokerOrderId[i] = fill.brokerOrderId();
      instrument[i] = fill.instrument().toString();
      side[i] = fill.side().name();
      product[i] = f.product().name();
      quantity[i] = fill.quantity();
      price[i] = decimal(fill.price());
      charges[i] = decimal(fill.charges());
      at[i] = fill.time().toString();
    }
    return columns(
        bigints(c, account),
        text(c, fillId),
        text(c, orderId),
        text(c, brokerOrderId),
        text(c, instrument),
        text(c, side),
        text(c, product),
        bigints(c, quantity),
        text(c, price),
        text(c, charges),
        text(c, at));
  }

  private static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Array text(Connection c, String[] values) throws SQLException {
    return c.createArrayOf("text", values);
  }

  private static Array bigints(Connection c, Long[] values) throws SQLException {
    return c.createArrayOf("int8", values);
  }

  private static Array[] columns(Array... columns) {
    return columns;
  }

  private static void execute(Connection c, Array... columns) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(WRITE)) {
      for (int i = 0; i < columns.length; i++) {
        statement.setArray(i + 1, columns[i]);
      }
      statement.executeUpdate();
    } finally {
      for (Array column : columns) {
        column.free();
      }
    }
  }
}

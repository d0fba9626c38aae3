package com.sharewise.orders.internal;

import static com.sharewise.store.jooq.Tables.ORDER_EVENT;
import static com.sharewise.store.jooq.Tables.ORDER_FILL;
import static com.sharewise.store.jooq.Tables.TRADE_ORDER;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.Product;
import com.sharewise.orders.AccountFill;
import com.sharewise.orders.JournalEntry;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderQuery;
import com.sharewise.orders.OrderStore;
import com.sharewise.store.jooq.tables.records.OrderFillRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order journal in PostgreSQL. Appends from many threads are queued and written by one writer
 * thread, as many as are waiting in one transaction (group commit): PostgreSQL's synchronous commit
 * makes each transaction durable with one WAL flush, so batching lets thousands of orders a second
 * share flushes without any of them being acknowledged before it is on disk.
 *
 * <p>Each transaction inserts the events, upserts the current state of every order they touch
 * ({@code trade_order}, for queries) and inserts fills ({@code order_fill}, ignoring a fill id
 * already booked): one statement, whatever the batch's size, so one round trip ({@link
 * JournalRows}).
 */
public final class PostgresOrderStore implements OrderStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresOrderStore.class);
  private static final int MAX_BATCH = 512;
  private static final Set<String> FINAL =
      Set.of(OrderStatus.FILLED.name(), OrderStatus.CANCELLED.name(), OrderStatus.REJECTED.name());

  private record Pending(List<JournalEntry> entries, CompletableFuture<Void> done) {}

  private final DSLContext dsl;
  private final Clock clock;
  private final JournalCodec codec = new JournalCodec();
  private final JournalRows rows = new JournalRows(codec);
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  public PostgresOrderStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
    this.writer = Thread.ofPlatform().name("order-journal").daemon(true).unstarted(this::writeLoop);
    writer.start();
  }

  @Override
  public void append(List<JournalEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    if (closed) {
      throw new JournalException("the order journal is closed", null);
    }
    Pending pending = new Pending(List.copyOf(entries), new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException("interrupted while waiting for the journal", e);
    } catch (ExecutionException e) {
      throw new JournalException(
          "could not write the order journal: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      writeAll(batch);
      batch.forEach(p -> p.done().complete(null));
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.getFirst().done().completeExceptionally(e);
        return;
      }
      // one bad append must not fail its neighbours: retry each on its own
      LOG.atWarn()
          .addKeyValue("batch", batch.size())
          .setCause(e)
          .log("order journal batch failed; writing its appends one by one");
      for (Pending pending : batch) {
        try {
          writeAll(List.of(pending));
          pending.done().complete(null);
        } catch (RuntimeException single) {
          pending.done().completeExceptionally(single);
        }
      }
    }
  }

  private void writeAll(List<Pending> batch) {
    List<JournalEntry> entries = new ArrayList<>();
    Map<String, Order> latest = new LinkedHashMap<>();
    List<AccountFill> fills = new ArrayList<>();
    for (Pending pending : batch) {
      for (JournalEntry entry : pending.entries()) {
        entries.add(entry);
        Order after = entry.after();
        latest.put(after.id(), after);
        if (entry.event() instanceof OrderEvent.Filled filled) {
          fills.add(new AccountFill(after.accountId(), after.id(), after.product(), filled.fill()));
        }
      }
    }
    dsl.connection(
        connection -> {
          boolean autoCommit = connection.getAutoCommit();
          try {
            rows.write(connection, entries, latest.values(), fills);
            if (!autoCommit) {
              connection.commit();
            }
          } catch (SQLException | RuntimeException e) {
            if (!autoCommit) {
              connection.rollback();
            }
            throw e;
          }
        });
  }

  @Override
  public void replay(int days, Consumer<OrderEvent> events) {
    var recent = clock.instant().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    var ids =
        DSL.select(TRADE_ORDER.ID)
            .from(TRADE_ORDER)
            .where(TRADE_ORDER.STATUS.notIn(FINAL).or(TRADE_ORDER.UPDATED_AT.ge(recent)));
    try (var cursor =
        dsl.select(ORDER_EVENT.DETAIL)
            .from(ORDER_EVENT)
            .where(ORDER_EVENT.ORDER_ID.in(ids))
            .orderBy(ORDER_EVENT.SEQ)
            .fetchSize(1000)
            .fetchLazy()) {
      for (var row : cursor) {
        events.accept(codec.event(row.value1()));
      }
    }
  }

  @Override
  public void replayFills(Consumer<AccountFill> fills) {
    try (var cursor =
        dsl.selectFrom(ORDER_FILL).orderBy(ORDER_FILL.SEQ).fetchSize(1000).fetchLazy()) {
      for (var row : cursor) {
        fills.accept(toFill(row));
      }
    }
  }

  @Override
  public Optional<Order> find(String orderId) {
    return dsl.select(TRADE_ORDER.SNAPSHOT)
        .from(TRADE_ORDER)
        .where(TRADE_ORDER.ID.eq(orderId))
        .fetchOptional(TRADE_ORDER.SNAPSHOT)
        .map(codec::order);
  }

  @Override
  public Optional<Order> findByClientOrderId(long accountId, String clientOrderId) {
    return dsl.select(TRADE_ORDER.SNAPSHOT)
        .from(TRADE_ORDER)
        .where(TRADE_ORDER.ACCOUNT_ID.eq(accountId))
        .and(TRADE_ORDER.CLIENT_ORDER_ID.eq(clientOrderId))
        .fetchOptional(TRADE_ORDER.SNAPSHOT)
        .map(codec::order);
  }

  @Override
  public List<Order> query(OrderQuery q) {
    Condition where = DSL.trueCondition();
    if (q.accountIds() != null) {
      where = where.and(TRADE_ORDER.ACCOUNT_ID.in(q.accountIds()));
    }
    if (q.statuses() != null) {
      where = where.and(TRADE_ORDER.STATUS.in(q.statuses().stream().map(Enum::name).toList()));
    }
    if (q.instrument() != null) {
      where = where.and(TRADE_ORDER.INSTRUMENT.eq(q.instrument().toString()));
    }
    if (q.strategyId() != null) {
      where = where.and(TRADE_ORDER.STRATEGY_ID.eq(q.strategyId()));
    }
    if (q.parentId() != null) {
      where = where.and(TRADE_ORDER.PARENT_ID.eq(q.parentId()));
    }
    if (q.from() != null) {
      where = where.and(TRADE_ORDER.CREATED_AT.ge(q.from().atOffset(ZoneOffset.UTC)));
    }
    if (q.to() != null) {
      where = where.and(TRADE_ORDER.CREATED_AT.lt(q.to().atOffset(ZoneOffset.UTC)));
    }
    return dsl
        .select(TRADE_ORDER.SNAPSHOT)
        .from(TRADE_ORDER)
        .where(where)
        .orderBy(TRADE_ORDER.CREATED_AT.desc(), TRADE_ORDER.ID.desc())
        .limit(q.limit())
        .fetch(TRADE_ORDER.SNAPSHOT)
        .stream()
        .map(codec::order)
        .toList();
  }

  @Override
  public List<OrderEvent> history(String orderId) {
    return dsl
        .select(ORDER_EVENT.DETAIL)
        .from(ORDER_EVENT)
        .where(ORDER_EVENT.ORDER_ID.eq(orderId))
        .orderBy(ORDER_EVENT.SEQ)
        .fetch(ORDER_EVENT.DETAIL)
        .stream()
        .map(codec::event)
        .toList();
  }

  @Override
  public List<AccountFill> fills(Set<Long> accountIds, int limit) {
    Condition where =
        accountIds == null ? DSL.trueCondition() : ORDER_FILL.ACCOUNT_ID.in(accountIds);
    return dsl
        .selectFrom(ORDER_FILL)
        .where(where)
        .orderBy(ORDER_FILL.SEQ.desc())
        .limit(limit)
        .fetch()
        .stream()
        .map(PostgresOrderStore::toFill)
        .toList();
  }

  private static AccountFill toFill(OrderFillRecord row) {
    return new AccountFill(
        row.getAccountId(),
        row.getOrderId(),
        Product.valueOf(row.getProduct()),
        new Fill(
            row.getFillId(),
            row.getOrderId(),
            row.getBrokerOrderId(),
            InstrumentId.parse(row.getInstrument()),
            OrderSide.valueOf(row.getSide()),
            row.getQuantity(),
            row.getPrice(),
            row.getAt().toInstant(),
            row.getCharges()));
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new JournalException("the order journal closed", null));
    }
  }
}

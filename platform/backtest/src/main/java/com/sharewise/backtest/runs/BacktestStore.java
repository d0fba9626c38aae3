package com.sharewise.backtest.runs;

import static com.sharewise.store.jooq.Tables.BACKTEST;
import static com.sharewise.store.jooq.Tables.BACKTEST_EQUITY;
import static com.sharewise.store.jooq.Tables.BACKTEST_ORDER;
import static com.sharewise.store.jooq.Tables.BACKTEST_TRADE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.metrics.ClosedTrade;
import com.sharewise.backtest.metrics.DrawdownCurve;
import com.sharewise.backtest.metrics.EquityCurve;
import com.sharewise.server.JsonMapper;
import com.sharewise.store.jooq.tables.records.BacktestRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Backtests in PostgreSQL: the run (request, state, metrics as JSON) and its orders, trades and
 * equity curve, downsampled to at most {@link #MAX_EQUITY_POINTS} points (the metrics were computed
 * on every point). Thread-safe.
 */
final class BacktestStore {

  /** The most equity points stored per backtest: enough for any chart. */
  static final int MAX_EQUITY_POINTS = 5_000;

  private final DSLContext dsl;
  private final ObjectMapper json = JsonMapper.create();

  BacktestStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  void insert(BacktestView view) {
    dsl.insertInto(BACKTEST)
        .set(BACKTEST.ID, view.id())
        .set(BACKTEST.OWNER_ID, view.ownerId())
        .set(BACKTEST.ACCOUNT_ID, view.request().accountId())
        .set(BACKTEST.OPTIMISATION_ID, view.optimisationId())
        .set(BACKTEST.STRATEGY, view.request().strategy())
        .set(BACKTEST.REQUEST, write(view.request()))
        .set(BACKTEST.STATUS, view.status().name())
        .set(BACKTEST.CREATED_AT, time(view.createdAt()))
        .execute();
  }

  void started(String id, long bars, Instant at) {
    dsl.update(BACKTEST)
        .set(BACKTEST.STATUS, BacktestStatus.RUNNING.name())
        .set(BACKTEST.BARS, bars)
        .set(BACKTEST.STARTED_AT, time(at))
        .where(BACKTEST.ID.eq(id))
        .execute();
  }

  void progress(String id, double progress) {
    dsl.update(BACKTEST).set(BACKTEST.PROGRESS, progress).where(BACKTEST.ID.eq(id)).execute();
  }

  void finished(String id, BacktestStatus status, String error, Instant at) {
    dsl.update(BACKTEST)
        .set(BACKTEST.STATUS, status.name())
        .set(BACKTEST.ERROR, error == null ? "" : error)
        .set(BACKTEST.FINISHED_AT, time(at))
        .where(BACKTEST.ID.eq(id))
        .execute();
  }

  /** Stores a finished run's metrics and detail, and marks it DONE, in one transaction. */
  void done(String id, BacktestResult result, Metrics metrics, Instant at) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          List<Query> rows = new ArrayList<>();
          int seq = 0;
          for (com.sharewise.orders.Order o : result.orders()) {
            rows.add(
                t.insertInto(BACKTEST_ORDER)
                    .set(BACKTEST_ORDER.BACKTEST_ID, id)
                    .set(BACKTEST_ORDER.SEQ, seq++)
                    .set(BACKTEST_ORDER.ORDER_ID, o.id())
                    .set(BACKTEST_ORDER.INSTRUMENT, o.instrument().toString())
                    .set(BACKTEST_ORDER.SIDE, o.side().name())
                    .set(BACKTEST_ORDER.QUANTITY, o.quantity())
                    .set(BACKTEST_ORDER.ORDER_TYPE, o.type().name())
                    .set(BACKTEST_ORDER.LIMIT_PRICE, o.limitPrice())
                    .set(BACKTEST_ORDER.STATUS, o.status().name())
                    .set(BACKTEST_ORDER.FILLED_QUANTITY, o.filledQuantity())
                    .set(BACKTEST_ORDER.AVERAGE_PRICE, o.averagePrice())
                    .set(BACKTEST_ORDER.CHARGES, o.charges())
                    .set(BACKTEST_ORDER.MESSAGE, o.message())
                    .set(BACKTEST_ORDER.CREATED_AT, time(o.createdAt()))
                    .set(BACKTEST_ORDER.UPDATED_AT, time(o.updatedAt())));
          }
          seq = 0;
          for (ClosedTrade trade : result.trades()) {
            rows.add(
                t.insertInto(BACKTEST_TRADE)
                    .set(BACKTEST_TRADE.BACKTEST_ID, id)
                    .set(BACKTEST_TRADE.SEQ, seq++)
                    .set(BACKTEST_TRADE.INSTRUMENT, trade.instrument().toString())
                    .set(BACKTEST_TRADE.SIDE, trade.side().name())
                    .set(BACKTEST_TRADE.QUANTITY, trade.quantity())
                    .set(BACKTEST_TRADE.ENTRY_TIME, time(trade.entryTime()))
                    .set(BACKTEST_TRADE.ENTRY_PRICE, trade.entryPrice())
                    .set(BACKTEST_TRADE.EXIT_TIME, time(trade.exitTime()))
                    .set(BACKTEST_TRADE.EXIT_PRICE, trade.exitPrice())
                    .set(BACKTEST_TRADE.PNL, trade.pnl())
                    .set(BACKTEST_TRADE.CHARGES, trade.charges()));
          }
          EquityCurve curve = result.equity();
          DrawdownCurve drawdowns = result.report().drawdowns();
          seq = 0;
          for (int i : downsample(curve, MAX_EQUITY_POINTS)) {
            rows.add(
                t.insertInto(BACKTEST_EQUITY)
                    .set(BACKTEST_EQUITY.BACKTEST_ID, id)
                    .set(BACKTEST_EQUITY.SEQ, seq++)
                    .set(BACKTEST_EQUITY.AT, time(curve.time(i)))
                    .set(BACKTEST_EQUITY.EQUITY, curve.equity(i))
                    .set(BACKTEST_EQUITY.DRAWDOWN, drawdowns.drawdown(i))
                    .set(BACKTEST_EQUITY.IN_MARKET, curve.inMarket(i)));
          }
          for (int from = 0; from < rows.size(); from += 1_000) {
            t.batch(rows.subList(from, Math.min(rows.size(), from + 1_000))).execute();
          }
          t.update(BACKTEST)
              .set(BACKTEST.STATUS, BacktestStatus.DONE.name())
              .set(BACKTEST.PROGRESS, 1.0)
              .set(BACKTEST.METRICS, write(metrics))
              .set(BACKTEST.DAILY, write(DailyEquity.of(curve).pairs()))
              .set(BACKTEST.FINISHED_AT, time(at))
              .where(BACKTEST.ID.eq(id))
              .execute();
        });
  }

  Optional<BacktestView> find(String id) {
    return dsl.selectFrom(BACKTEST).where(BACKTEST.ID.eq(id)).fetchOptional().map(this::view);
  }

  /** Newest first; {@code ownerId} null for everyone's. */
  List<BacktestView> list(Long ownerId, int limit) {
    var query = dsl.selectFrom(BACKTEST).where(BACKTEST.OPTIMISATION_ID.isNull());
    if (ownerId != null) {
      query = query.and(BACKTEST.OWNER_ID.eq(ownerId));
    }
    return query
        .orderBy(BACKTEST.CREATED_AT.desc(), BACKTEST.ID.desc())
        .limit(limit)
        .fetch()
        .map(this::view);
  }

  /** Runs left QUEUED or RUNNING by a node that stopped. */
  List<String> unfinished() {
    return dsl.select(BACKTEST.ID)
        .from(BACKTEST)
        .where(BACKTEST.STATUS.in(BacktestStatus.QUEUED.name(), BacktestStatus.RUNNING.name()))
        .fetch(BACKTEST.ID);
  }

  /** The daily equity of a finished backtest, if stored. */
  Optional<DailyEquity> daily(String id) {
    return dsl.select(BACKTEST.DAILY)
        .from(BACKTEST)
        .where(BACKTEST.ID.eq(id))
        .fetchOptional(BACKTEST.DAILY)
        .filter(java.util.Objects::nonNull)
        .map(text -> DailyEquity.fromPairs(java.util.Arrays.asList(read(text, double[][].class))));
  }

  List<Rows.Trade> trades(String id, int offset, int limit) {
    return dsl.selectFrom(BACKTEST_TRADE)
        .where(BACKTEST_TRADE.BACKTEST_ID.eq(id))
        .orderBy(BACKTEST_TRADE.SEQ)
        .offset(offset)
        .limit(limit)
        .fetch(
            r ->
                new Rows.Trade(
                    r.getInstrument(),
                    r.getSide(),
                    r.getQuantity(),
                    r.getEntryTime().toInstant(),
                    r.getEntryPrice(),
                    r.getExitTime().toInstant(),
                    r.getExitPrice(),
                    r.getPnl(),
                    r.getCharges()));
  }

  List<Rows.EquityPoint> equity(String id) {
    return dsl.selectFrom(BACKTEST_EQUITY)
        .where(BACKTEST_EQUITY.BACKTEST_ID.eq(id))
        .orderBy(BACKTEST_EQUITY.SEQ)
        .fetch(
            r ->
                new Rows.EquityPoint(
                    r.getAt().toInstant(), r.getEquity(), r.getDrawdown(), r.getInMarket()));
  }

  List<Rows.Order> orders(String id, int offset, int limit) {
    return dsl.selectFrom(BACKTEST_ORDER)
        .where(BACKTEST_ORDER.BACKTEST_ID.eq(id))
        .orderBy(BACKTEST_ORDER.SEQ)
        .offset(offset)
        .limit(limit)
        .fetch(
            r ->
                new Rows.Order(
                    r.getOrderId(),
                    r.getInstrument(),
                    r.getSide(),
                    r.getQuantity(),
                    r.getOrderType(),
                    r.getLimitPrice(),
                    r.getStatus(),
                    r.getFilledQuantity(),
                    r.getAveragePrice(),
                    r.getCharges(),
                    r.getMessage(),
                    r.getCreatedAt().toInstant(),
                    r.getUpdatedAt().toInstant()));
  }

  /**
   * The indices of at most {@code max} points that keep the curve's shape: the first and last
   * point, and per bucket of the rest its lowest and highest equity (so drawdown troughs and peaks
   * survive), in time order.
   */
  static int[] downsample(EquityCurve curve, int max) {
    int n = curve.size();
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int buckets = (max - 2) / 2;
    List<Integer> kept = new ArrayList<>(max);
    kept.add(0);
    double width = (double) (n - 2) / buckets;
    for (int b = 0; b < buckets; b++) {
      int start = 1 + (int) Math.floor(b * width);
      int end = Math.min(n - 1, 1 + (int) Math.floor((b + 1) * width));
      if (start >= end) {
        continue;
      }
      int low = start;
      int high = start;
      for (int i = start; i < end; i++) {
        if (curve.equity(i) < curve.equity(low)) {
          low = i;
        }
        if (curve.equity(i) > curve.equity(high)) {
          high = i;
        }
      }
      kept.add(Math.min(low, high));
      if (low != high) {
        kept.add(Math.max(low, high));
      }
    }
    kept.add(n - 1);
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  private BacktestView view(BacktestRecord r) {
    return new BacktestView(
        r.getId(),
        r.getOwnerId(),
        r.getOptimisationId(),
        read(r.getRequest(), BacktestRequest.class),
        BacktestStatus.valueOf(r.getStatus()),
        r.getProgress(),
        r.getBars(),
        r.getError(),
        r.getMetrics() == null ? null : read(r.getMetrics(), Metrics.class),
        r.getCreatedAt().toInstant(),
        r.getStartedAt() == null ? null : r.getStartedAt().toInstant(),
        r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant());
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}

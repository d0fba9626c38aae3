package com.sharewise.broker.paper.internal;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import com.sharewise.api.trading.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paper-trading account: orders fill against the platform's quotes instead of an exchange, and
 * the book lives in a journal in the adapter's state directory.
 *
 * <h2>What fills, and at what price</h2>
 *
 * A MARKET order fills at once and in full at the price {@link Prices} gives (the opposite side of
 * the quote, with slippage, on the tick). A LIMIT order fills the same way if the quote is at or
 * better than its limit, never at a worse price than the limit; otherwise it rests OPEN until
 * cancelled (an IOC one is cancelled at once). Resting orders do not yet fill when the market
 * moves. SL and SL-M orders, limit prices off the 0.05 tick, and instruments without a quote are
 * rejected. A rejected order still gets a broker order id and stays in the book, as at a real
 * broker.
 *
 * <h2>Durability and idempotency</h2>
 *
 * Every change is written to the {@link OrderJournal} and forced to disk before it is applied,
 * reported or returned, and the book is rebuilt from the journal when the adapter is created. An
 * order whose client order id is already in the book is returned as it stands and never filled
 * again. Ids are deterministic: broker order ids {@code PAPER-1}, {@code PAPER-2}, … in placement
 * order, and each order's single fill is {@code <brokerOrderId>-1}.
 *
 * <h2>Threading</h2>
 *
 * One lock serialises every call. Callbacks are made while holding it so the platform sees events
 * in journal order; that is safe because {@code BrokerCallback} only enqueues.
 */
final class PaperBrokerAdapter implements BrokerAdapter {

  private final BrokerContext context;
  private final Prices prices;
  private final OrderBook book;
  private final OrderJournal journal;
  private final Object lock = new Object();
  private boolean closed;

  private PaperBrokerAdapter(
      BrokerContext context, Prices prices, OrderBook book, OrderJournal journal) {
    this.context = context;
    this.prices = prices;
    this.book = book;
    this.journal = journal;
  }

  /** Rebuilds the account's book from its journal; fails if that cannot be read. */
  static PaperBrokerAdapter open(BrokerContext context) throws BrokerException {
    Prices prices = new Prices(context.settings().getDecimal("slippageBps"));
    OrderBook book = new OrderBook();
    try {
      return new PaperBrokerAdapter(
          context, prices, book, OrderJournal.open(context.stateDirectory(), book::apply));
    } catch (IOException e) {
      throw new BrokerException(
          Reason.UNAVAILABLE, "cannot open the paper order book: " + e.getMessage(), e);
    }
  }

  @Override
  public void connect() throws BrokerException {
    synchronized (lock) {
      requireOpen();
      context.callback().connectionChanged(true, "paper trading against platform quotes");
    }
  }

  @Override
  public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
    synchronized (lock) {
      requireOpen();
      Optional<PaperOrder> existing = book.withClientOrderId(request.clientOrderId());
      if (existing.isPresent()) {
        return existing.get().toUpdate();
      }
      String id = book.nextBrokerOrderId();
      Instant now = context.clock().instant();
      List<OrderEvent> events = new ArrayList<>();
      events.add(new OrderEvent.Placed(id, now, request));
      outcome(id, now, request).ifPresent(events::add);
      record(events);

      PaperOrder order = book.order(id);
      if (order.status() == OrderStatus.REJECTED) {
        throw new BrokerException(Reason.REJECTED, order.toUpdate().message());
      }
      report(order, events);
      return order.toUpdate();
    }
  }

  @Override
  public OrderUpdate cancelOrder(String clientOrderId, String brokerOrderId)
      throws BrokerException {
    synchronized (lock) {
      requireOpen();
      Optional<PaperOrder> found = book.find(clientOrderId, brokerOrderId);
      if (found.isEmpty()) {
        throw new BrokerException(
            Reason.REJECTED,
            brokerOrderId == null || brokerOrderId.isBlank()
                ? "no paper order with client order id " + clientOrderId
                : "no paper order " + brokerOrderId);
      }
      PaperOrder order = found.get();
      if (order.status().isFinal()) {
        throw new BrokerException(
            Reason.REJECTED, "order " + order.brokerOrderId() + " is already " + order.status());
      }
      List<OrderEvent> events =
          List.of(
              new OrderEvent.Cancelled(
                  order.brokerOrderId(), context.clock().instant(), "cancelled on request"));
      record(events);
      report(order, events);
      return order.toUpdate();
    }
  }

  @Override
  public List<OrderUpdate> orderBook() throws BrokerException {
    synchronized (lock) {
      requireOpen();
      return book.orders();
    }
  }

  @Override
  public List<Fill> tradeBook() throws BrokerException {
    synchronized (lock) {
      requireOpen();
      return book.fills();
    }
  }

  @Override
  public List<Position> positions() throws BrokerException {
    synchronized (lock) {
      requireOpen();
      return book.positions(context.account());
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        journal.close();
      } catch (IOException ignored) {
        // Every event was forced to disk when written; there is nothing left to save.
      }
    }
  }

  /** What happens to a new order right after it is placed; empty when it rests OPEN. */
  private Optional<OrderEvent> outcome(String id, Instant now, OrderRequest request) {
    String refusal = refusal(request);
    if (refusal != null) {
      return Optional.of(new OrderEvent.Rejected(id, now, refusal));
    }
    OrderSide side = request.side();
    Optional<BigDecimal> quoted =
        context.quotes().latest(request.instrument()).flatMap(tick -> Prices.quoted(side, tick));
    if (quoted.isEmpty()) {
      return Optional.of(
          new OrderEvent.Rejected(id, now, "no market data for " + request.instrument()));
    }
    BigDecimal price = prices.execution(side, quoted.get());
    if (request.type() == OrderType.LIMIT) {
      BigDecimal limit = request.limitPrice();
      int quoteVersusLimit = quoted.get().compareTo(limit);
      boolean marketable = side == OrderSide.BUY ? quoteVersusLimit <= 0 : quoteVersusLimit >= 0;
      if (!marketable) {
        return request.validity() == Validity.IOC
            ? Optional.of(
                new OrderEvent.Cancelled(
                    id, now, "IOC limit " + limit.toPlainString() + " not marketable"))
            : Optional.empty();
      }
      price = side == OrderSide.BUY ? price.min(limit) : price.max(limit);
    }
    return Optional.of(new OrderEvent.Filled(id, now, id + "-1", request.quantity(), price));
  }

  /** Why the paper broker refuses {@code request} whatever the market, or null. */
  private static String refusal(OrderRequest request) {
    return switch (request.type()) {
      case SL -> "SL orders are not supported by the paper broker yet";
      case SL_M -> "SL-M orders are not supported by the paper broker yet";
      case LIMIT ->
          Prices.onTick(request.limitPrice())
              ? null
              : "limit price "
                  + request.limitPrice().toPlainString()
                  + " is not a positive multiple of the tick size "
                  + Prices.TICK;
      case MARKET -> null;
    };
  }

  /** Journals {@code events}, then applies them to the book. */
  private void record(List<OrderEvent> events) throws BrokerException {
    if (!journal.isIntact()) {
      throw new BrokerException(
          Reason.UNAVAILABLE,
          "the paper order journal failed during an earlier write; reconnect the account");
    }
    try {
      journal.append(events);
    } catch (IOException e) {
      throw new BrokerException(
          journal.isIntact() ? Reason.UNAVAILABLE : Reason.OUTCOME_UNKNOWN,
          "could not write the paper order journal: " + e.getMessage(),
          e);
    }
    events.forEach(book::apply);
  }

  private void report(PaperOrder order, List<OrderEvent> events) {
    for (OrderEvent event : events) {
      if (event instanceof OrderEvent.Filled filled) {
        context.callback().filled(book.fill(filled.fillId()));
      }
    }
    context.callback().orderUpdated(order.toUpdate());
  }

  private void requireOpen() throws BrokerException {
    if (closed) {
      throw new BrokerException(Reason.UNAVAILABLE, "the paper broker adapter is closed");
    }
  }
}

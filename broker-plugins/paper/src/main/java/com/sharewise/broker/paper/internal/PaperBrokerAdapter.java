package com.sharewise.broker.paper.internal;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import com.sharewise.api.trading.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A paper-trading account: orders fill against the platform's quotes instead of an exchange, and
 * the book lives in a journal in the adapter's state directory.
 *
 * <h2>What fills, and at what price</h2>
 *
 * An order is checked as an exchange would (tick grid and lot size from the instrument master,
 * stop-loss limit on the right side of its trigger, limit and trigger inside the day's circuit
 * band) and needs a quote for its instrument. It then meets the market once it has been active for
 * the configured latency: at once, against the latest quote, when the latency is zero; otherwise at
 * the first quote stamped that much after placement. {@link Matcher} decides what fills: on first
 * meeting a marketable order takes the visible depth; afterwards it fills from traded volume as
 * later quotes arrive. Stop-loss orders wait for their trigger. An IOC order's rest is cancelled
 * right after its first meeting. Every fill carries the charges of the {@link FeeModel}.
 *
 * <p>To see later quotes the adapter subscribes to the instruments of its working orders and drops
 * a subscription when no working order is left for it.
 *
 * <h2>Durability and idempotency</h2>
 *
 * Every change is written to the {@link OrderJournal} before it is applied, and on disk before it
 * is reported or returned (or seen through a read), and the book is rebuilt from the journal when
 * the adapter is created. Calls write under the lock but wait for the disk after releasing it, so
 * orders placed at the same time share one force instead of queueing for one each. An order whose
 * client order id is already in the book is returned as it stands and never filled again. Ids are
 * deterministic: broker order ids {@code PAPER-1}, {@code PAPER-2}, … in placement order, and an
 * order's fills {@code <brokerOrderId>-1}, {@code -2}, … in execution order. A book set up without
 * a journal ({@code journal=false}, for backtests) lives in memory only and is gone when the
 * adapter closes.
 *
 * <h2>Threading</h2>
 *
 * One lock serialises every call and every quote the subscriptions deliver. Callbacks are made in
 * journal order, once their events are on disk, from a queue drained by whichever call finds them
 * durable first; that is safe under the queue's lock because {@code BrokerCallback} only enqueues.
 * Subscriptions are closed after the lock is released, since a quote source may make {@code close}
 * wait for a delivery that is waiting for the lock.
 */
final class PaperBrokerAdapter implements BrokerAdapter {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BrokerContext context;
  private final PaperSettings settings;
  private final Matcher matcher;
  private final FeeModel fees;
  private final OrderBook book;
  private final Journal journal;
  private final Object lock = new Object();
  // reports waiting for the force that covers their events, in journal order; added under lock
  private final ArrayDeque<Report> reports = new ArrayDeque<>();
  private final Map<InstrumentId, Follow> follows = new HashMap<>();
  // subscriptions to close once the lock is released (see closeDropped)
  private final List<QuoteSource.Subscription> dropped = new ArrayList<>();
  // the last circuit band worked out per instrument: the same until the reference price changes
  private final Map<InstrumentId, Band> bands = new HashMap<>();
  // the participation setting as a whole percentage, or -1 when it has decimals
  private final long wholeParticipation;
  // the book's working-order changes when the quotes were last followed: nothing to do if none
  private long followedChanges = -1;
  private boolean closed;

  private PaperBrokerAdapter(
      BrokerContext context, PaperSettings settings, OrderBook book, Journal journal) {
    this.context = context;
    this.settings = settings;
    this.matcher = new Matcher(new Prices(settings.slippageBps()));
    this.fees = new FeeModel(settings.fees());
    this.book = book;
    this.journal = journal;
    this.wholeParticipation = whole(settings.participationPercent());
  }

  private static long whole(BigDecimal percent) {
    BigDecimal stripped = percent.stripTrailingZeros();
    return stripped.scale() <= 0 && stripped.compareTo(HUNDRED) <= 0 ? stripped.longValue() : -1;
  }

  /** Rebuilds the account's book from its journal; fails if that cannot be read. */
  static PaperBrokerAdapter open(BrokerContext context) throws BrokerException {
    PaperSettings settings = PaperSettings.from(context.settings());
    OrderBook book = new OrderBook();
    Journal journal;
    try {
      journal =
          settings.journal()
              ? OrderJournal.open(context.stateDirectory(), book::apply, settings.durable())
              : Journal.NONE;
    } catch (IOException e) {
      throw new BrokerException(
          Reason.UNAVAILABLE, "cannot open the paper order book: " + e.getMessage(), e);
    }
    PaperBrokerAdapter adapter = new PaperBrokerAdapter(context, settings, book, journal);
    adapter.settleReplayedOrders();
    return adapter;
  }

  /**
   * Whether a replayed order has met the market is not journaled when it did not fill. A limit
   * order active for longer than the latency has: it rested, so a later crossing fills it from
   * traded volume rather than the depth. A market order without a fill has not (it always fills
   * when it meets a quote), nor has a stop still waiting for its trigger.
   */
  private void settleReplayedOrders() {
    Instant now = context.clock().instant();
    for (PaperOrder order : book.working()) {
      if (!order.metMarket()
          && !order.awaitingTrigger()
          && !order.worksAtMarket()
          && !order.activeFrom().plus(settings.latency()).isAfter(now)) {
        order.metMarket(true);
      }
    }
  }

  @Override
  public void connect() throws BrokerException {
    try {
      synchronized (lock) {
        requireOpen();
        try {
          followQuotes(); // resting orders from the journal fill on the quotes from now on
        } catch (RuntimeException e) {
          throw new BrokerException(
              Reason.UNAVAILABLE, "cannot follow the platform's quotes: " + e.getMessage(), e);
        }
        context.callback().connectionChanged(true, "paper trading against platform quotes");
      }
    } finally {
      closeDropped();
    }
  }

  @Override
  public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          Optional<PaperOrder> existing = book.withClientOrderId(request.clientOrderId());
          if (existing.isPresent()) {
            return existing.get().toUpdate();
          }
          String id = book.nextBrokerOrderId();
          Instant now = context.clock().instant();
          InstrumentId instrument = request.instrument();
          Contract contract = contract(instrument);
          List<OrderEvent> events = new ArrayList<>();
          Optional<String> refusal = OrderChecks.refusal(request, contract);
          Tick quote = null;
          if (refusal.isEmpty()) {
            Optional<Tick> latest = context.quotes().latest(instrument);
            if (latest.isEmpty()) {
              refusal = Optional.of("no market data for " + instrument);
            } else {
              quote = latest.get();
              refusal =
                  band(quote, contract, now, events)
                      .flatMap(band -> OrderChecks.outsideBand(request, band));
            }
          }
          events.add(new OrderEvent.Placed(id, now, request));
          Matcher.Outcome outcome = Matcher.Outcome.WAITING;
          if (refusal.isPresent()) {
            events.add(new OrderEvent.Rejected(id, now, refusal.get()));
          } else if (settings.latency().isZero()) {
            // the order is not in the book until its events are journaled: match a detached copy
            PaperOrder detached = new PaperOrder(id, request, now);
            outcome = meet(detached, quote, contract, 0, now, events);
          }
          record(events);

          PaperOrder order = book.order(id);
          if (order.status() == OrderStatus.REJECTED) {
            throw new BrokerException(Reason.REJECTED, order.toUpdate().message());
          }
          if (outcome.met()) {
            order.metMarket(true);
          }
          report(events);
          followQuotes();
          return order.toUpdate();
        });
  }

  @Override
  public OrderUpdate modifyOrder(
      String clientOrderId, String brokerOrderId, OrderModification modification)
      throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          PaperOrder order = unfinished(clientOrderId, brokerOrderId, "modified");
          OrderRequest terms = newTerms(order, modification);
          InstrumentId instrument = terms.instrument();
          Contract contract = contract(instrument);
          Instant now = context.clock().instant();
          List<OrderEvent> events = new ArrayList<>();
          Optional<Tick> latest = context.quotes().latest(instrument);
          Optional<CircuitBand> band =
              latest.isPresent()
                  ? band(latest.get(), contract, now, events)
                  : book.reference(instrument)
                      .map(
                          r ->
                              CircuitBand.around(
                                  r.price(), settings.circuitPercent(), contract.tickSize()));
          Optional<String> refusal =
              OrderChecks.refusal(terms, contract)
                  .or(() -> band.flatMap(b -> OrderChecks.outsideBand(terms, b)));
          if (refusal.isPresent()) {
            throw new BrokerException(
                Reason.REJECTED,
                "cannot modify order " + order.brokerOrderId() + ": " + refusal.get());
          }
          events.add(
              new OrderEvent.Modified(
                  order.brokerOrderId(),
                  now,
                  terms.quantity(),
                  terms.type(),
                  terms.limitPrice(),
                  terms.triggerPrice()));
          record(events);

          // a modified order is re-entered at the exchange: with no latency it meets the market now
          List<OrderEvent> fills = new ArrayList<>();
          if (order.isWorking() && settings.latency().isZero() && latest.isPresent()) {
            Matcher.Outcome outcome = meet(order, latest.get(), contract, 0, now, fills);
            record(fills);
            if (outcome.met()) {
              order.metMarket(true);
            }
          }
          events.addAll(fills);
          report(events);
          followQuotes();
          return order.toUpdate();
        });
  }

  @Override
  public OrderUpdate cancelOrder(String clientOrderId, String brokerOrderId)
      throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          PaperOrder order = unfinished(clientOrderId, brokerOrderId, "cancelled");
          List<OrderEvent> events =
              List.of(
                  new OrderEvent.Cancelled(
                      order.brokerOrderId(), context.clock().instant(), "cancelled on request"));
          record(events);
          report(events);
          followQuotes();
          return order.toUpdate();
        });
  }

  // reads wait until what they saw is on disk: an order is never shown before it would survive

  @Override
  public List<OrderUpdate> orderBook() throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          return book.orders();
        });
  }

  @Override
  public List<Fill> tradeBook() throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          return book.fills();
        });
  }

  @Override
  public List<Position> positions() throws BrokerException {
    return durably(
        () -> {
          requireOpen();
          return book.positions(context.account());
        });
  }

  @Override
  public void close() {
    try {
      synchronized (lock) {
        if (closed) {
          return;
        }
        closed = true;
        follows.values().forEach(this::drop);
        follows.clear();
        try {
          journal.close();
        } catch (IOException ignored) {
          // The last force's failure reaches the calls waiting for it; nothing else is unsaved.
        }
      }
    } finally {
      closeDropped();
    }
  }

  /**
   * A new quote of an instrument with working orders: they fill, trigger or get cancelled (IOC) as
   * {@link Matcher} decides, in time priority, sharing the volume traded since the previous quote.
   * Runs on the platform's quote-listener thread.
   *
   * @throws IllegalStateException when the journal cannot be written (the quote source logs it; the
   *     next quote tries again)
   */
  private void onQuote(Follow follow, Tick tick) {
    long seen;
    try {
      synchronized (lock) {
        InstrumentId instrument = tick.instrument();
        if (closed || !follow.active) {
          return; // delivered while its subscription was being dropped
        }
        Contract contract = contract(instrument);
        List<OrderEvent> events = new ArrayList<>();
        referencePrice(tick, tick.exchangeTime(), events); // the day's reference, journaled
        long budget = participation(traded(follow, tick));
        List<PaperOrder> met = new ArrayList<>();
        for (PaperOrder order : book.working(instrument)) {
          if (!settings.latency().isZero()
              && tick.exchangeTime().isBefore(order.activeFrom().plus(settings.latency()))) {
            continue; // still on its way to the exchange
          }
          Instant time =
              tick.exchangeTime().isBefore(order.activeFrom())
                  ? order.activeFrom()
                  : tick.exchangeTime();
          Matcher.Outcome outcome = meet(order, tick, contract, budget, time, events);
          if (!outcome.firstMeeting()) {
            budget -= outcome.executed();
          }
          if (outcome.met()) {
            met.add(order);
          }
        }
        try {
          record(events);
        } catch (BrokerException e) {
          if (!journal.isIntact()) {
            context.callback().connectionChanged(false, e.getMessage());
          }
          throw new IllegalStateException(
              "paper broker could not record what a quote of "
                  + instrument
                  + " did: "
                  + e.getMessage(),
              e);
        }
        met.forEach(order -> order.metMarket(true));
        report(events);
        followQuotes();
        if (events.isEmpty()) {
          return; // most quotes change nothing: nothing to wait for
        }
        seen = journal.written();
      }
    } finally {
      closeDropped();
    }
    try {
      settle(seen);
    } catch (BrokerException e) {
      throw new IllegalStateException(
          "paper broker could not make what a quote of "
              + tick.instrument()
              + " did durable: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Matches {@code order} against {@code quote} and adds the events that follow: the trigger, the
   * fills with their charges, and an IOC order's cancellation.
   */
  private Matcher.Outcome meet(
      PaperOrder order,
      Tick quote,
      Contract contract,
      long volumeBudget,
      Instant time,
      List<OrderEvent> events) {
    Matcher.Outcome outcome = matcher.match(order, quote, contract, volumeBudget);
    String id = order.brokerOrderId();
    if (outcome.triggers()) {
      events.add(new OrderEvent.Triggered(id, time));
    }
    OrderRequest terms = order.request();
    int fillNumber = order.fills();
    boolean first = order.filledQuantity() == 0;
    for (Matcher.Execution execution : outcome.executions()) {
      fillNumber++;
      BigDecimal turnover = execution.price().multiply(BigDecimal.valueOf(execution.quantity()));
      BigDecimal charges =
          fees.charges(
                  terms.instrument().exchange(), terms.product(), terms.side(), turnover, first)
              .total();
      first = false;
      events.add(
          new OrderEvent.Filled(
              id, time, id + "-" + fillNumber, execution.quantity(), execution.price(), charges));
    }
    long unfilled = order.remaining() - outcome.executed();
    if (outcome.firstMeeting() && terms.validity() == Validity.IOC && unfilled > 0) {
      events.add(new OrderEvent.Cancelled(id, time, iocReason(order, outcome.executed())));
    }
    return outcome;
  }

  private static String iocReason(PaperOrder order, long executed) {
    OrderRequest terms = order.request();
    if (executed == 0 && terms.type() == OrderType.LIMIT) {
      return "IOC limit " + terms.limitPrice().toPlainString() + " not marketable";
    }
    long total = order.filledQuantity() + executed;
    return "IOC order: "
        + total
        + " of "
        + terms.quantity()
        + " filled at once, the other "
        + (terms.quantity() - total)
        + " cancelled";
  }

  /**
   * The day's circuit band for {@code quote}'s instrument. The first quote seen on an IST day
   * becomes that day's reference, journaled with the caller's events; empty only when no quote ever
   * gave a price.
   */
  private Optional<CircuitBand> band(
      Tick quote, Contract contract, Instant time, List<OrderEvent> events) {
    return referencePrice(quote, time, events)
        .map(price -> band(quote.instrument(), price, contract));
  }

  /**
   * The circuit band's reference price for {@code quote}'s instrument and IST day: the day's first
   * quote, which is journaled with the caller's events when this is it; empty only when no quote
   * ever gave a price.
   */
  private Optional<BigDecimal> referencePrice(Tick quote, Instant time, List<OrderEvent> events) {
    InstrumentId instrument = quote.instrument();
    LocalDate day = Ist.date(quote.exchangeTime());
    Optional<OrderBook.Reference> known = book.reference(instrument);
    if (known.isPresent() && !known.get().day().isBefore(day)) {
      return Optional.of(known.get().price());
    }
    Optional<BigDecimal> seen = Prices.reference(quote);
    seen.ifPresent(
        price -> events.add(new OrderEvent.ReferencePrice(time, instrument, day, price)));
    return seen.or(() -> known.map(OrderBook.Reference::price));
  }

  /** The band around {@code reference}: worked out again only when the reference changes. */
  private CircuitBand band(InstrumentId instrument, BigDecimal reference, Contract contract) {
    Band last = bands.get(instrument);
    if (last != null
        && last.reference().equals(reference)
        && last.tick().equals(contract.tickSize())) {
      return last.band();
    }
    CircuitBand band =
        CircuitBand.around(reference, settings.circuitPercent(), contract.tickSize());
    bands.put(instrument, new Band(reference, contract.tickSize(), band));
    return band;
  }

  /** A circuit band and what it was worked out from. */
  private record Band(BigDecimal reference, BigDecimal tick, CircuitBand band) {}

  /**
   * What traded between the previous quote of the instrument and {@code tick}: the growth of the
   * day's cumulative volume, or the last trade's quantity when there is no previous quote to
   * compare with (the first after subscribing, a new day) or the feed sends no cumulative volume.
   */
  private static long traded(Follow follow, Tick tick) {
    long cumulative = tick.volume();
    if (cumulative <= 0) {
      return Math.max(0, tick.lastQuantity());
    }
    long previous = follow.lastVolume;
    follow.lastVolume = cumulative;
    if (previous < 0 || cumulative < previous) {
      return Math.max(0, tick.lastQuantity());
    }
    return cumulative - previous;
  }

  private long participation(long traded) {
    if (wholeParticipation >= 0 && traded <= Long.MAX_VALUE / 100) {
      return traded * wholeParticipation / 100; // traded is never negative: this floors
    }
    return BigDecimal.valueOf(traded)
        .multiply(settings.participationPercent())
        .divide(HUNDRED, 0, RoundingMode.FLOOR)
        .longValueExact();
  }

  /**
   * Subscribes to the quotes of every instrument with a working order and drops the subscriptions
   * of those without (closed by {@link #closeDropped}), so an idle account costs the quote book
   * nothing.
   */
  private void followQuotes() {
    if (closed || book.workingChanges() == followedChanges) {
      return; // the same working orders as last time: the same instruments to follow
    }
    followedChanges = book.workingChanges();
    Set<InstrumentId> needed = book.workingInstruments();
    Iterator<Map.Entry<InstrumentId, Follow>> followed = follows.entrySet().iterator();
    while (followed.hasNext()) {
      Map.Entry<InstrumentId, Follow> entry = followed.next();
      if (!needed.contains(entry.getKey())) {
        drop(entry.getValue());
        followed.remove();
      }
    }
    for (InstrumentId instrument : needed) {
      if (!follows.containsKey(instrument)) {
        Follow follow = new Follow();
        context
            .quotes()
            .latest(instrument)
            .filter(quote -> quote.volume() > 0)
            .ifPresent(quote -> follow.lastVolume = quote.volume());
        follow.subscription = context.quotes().subscribe(instrument, tick -> onQuote(follow, tick));
        follows.put(instrument, follow);
        follow.active = true;
      }
    }
  }

  /** Stops following: later quotes of the subscription are ignored, and it is closed. */
  private void drop(Follow follow) {
    follow.active = false;
    dropped.add(follow.subscription);
  }

  /**
   * Closes the subscriptions {@link #followQuotes} dropped, outside the lock: a quote source may
   * wait in {@code close} for a delivery in progress, and that delivery may be waiting for the
   * lock.
   */
  private void closeDropped() {
    List<QuoteSource.Subscription> closing;
    synchronized (lock) {
      closing = List.copyOf(dropped);
      dropped.clear();
    }
    closing.forEach(QuoteSource.Subscription::close);
  }

  /**
   * One followed instrument. The listener knows its own by identity, so a late quote of a dropped
   * subscription is ignored even when the instrument is followed again meanwhile.
   */
  private static final class Follow {
    private QuoteSource.Subscription subscription;
    // true from when it is followed until it is dropped; guarded by the adapter's lock
    private boolean active;
    // the day's cumulative volume at the previous quote, -1 for none: the difference to the next
    // quote is what traded in between, which bounds resting fills
    private long lastVolume = -1;
  }

  private Contract contract(InstrumentId instrument) {
    return Contract.of(instrument, context.instrument(instrument));
  }

  /** The order to modify or cancel; refused when unknown or already finished. */
  private PaperOrder unfinished(String clientOrderId, String brokerOrderId, String action)
      throws BrokerException {
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
          Reason.REJECTED,
          "order "
              + order.brokerOrderId()
              + " is already "
              + order.status()
              + " and cannot be "
              + action);
    }
    return order;
  }

  /**
   * The order's terms after {@code modification}: null fields keep the current value, and a price
   * the new type does not take is dropped.
   */
  private static OrderRequest newTerms(PaperOrder order, OrderModification modification)
      throws BrokerException {
    OrderRequest was = order.request();
    OrderType type = modification.type() != null ? modification.type() : was.type();
    long quantity = modification.quantity() != null ? modification.quantity() : was.quantity();
    String refusal = null;
    if (modification.limitPrice() != null && !type.needsLimitPrice()) {
      refusal = "a " + type + " order takes no limit price";
    } else if (modification.triggerPrice() != null && !type.needsTriggerPrice()) {
      refusal = "a " + type + " order takes no trigger price";
    } else if (quantity <= 0) {
      refusal = "the new quantity must be positive, got " + quantity;
    } else if (quantity < order.filledQuantity()) {
      refusal =
          "the new quantity "
              + quantity
              + " is less than the "
              + order.filledQuantity()
              + " already filled";
    }
    BigDecimal limit =
        !type.needsLimitPrice()
            ? null
            : modification.limitPrice() != null ? modification.limitPrice() : was.limitPrice();
    BigDecimal trigger =
        !type.needsTriggerPrice()
            ? null
            : modification.triggerPrice() != null
                ? modification.triggerPrice()
                : was.triggerPrice();
    if (refusal == null && type.needsLimitPrice() && limit == null) {
      refusal = "a " + type + " order needs a limit price";
    } else if (refusal == null && type.needsTriggerPrice() && trigger == null) {
      refusal = "a " + type + " order needs a trigger price";
    }
    if (refusal != null) {
      throw new BrokerException(
          Reason.REJECTED, "cannot modify order " + order.brokerOrderId() + ": " + refusal);
    }
    return new OrderRequest(
        was.clientOrderId(),
        was.account(),
        was.instrument(),
        was.side(),
        quantity,
        type,
        limit,
        trigger,
        was.product(),
        was.validity());
  }

  /** Journals {@code events}, then applies them to the book. */
  private void record(List<OrderEvent> events) throws BrokerException {
    if (events.isEmpty()) {
      return;
    }
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

  /**
   * Reports recorded events: per order, its new fills, then its state. With a journal forced to
   * disk they wait in {@link #reports} for the force that covers them; otherwise they go at once.
   */
  private void report(List<OrderEvent> events) {
    if (events.isEmpty()) {
      return; // most quotes change nothing
    }
    Map<PaperOrder, List<Fill>> touched = new LinkedHashMap<>();
    for (OrderEvent event : events) {
      if (event instanceof OrderEvent.OfOrder ofOrder) {
        List<Fill> fills =
            touched.computeIfAbsent(book.order(ofOrder.brokerOrderId()), o -> new ArrayList<>());
        if (event instanceof OrderEvent.Filled filled) {
          fills.add(book.fill(filled.fillId()));
        }
      }
    }
    boolean deferred = journal.forcesToDisk();
    long position = journal.written();
    touched.forEach(
        (order, fills) -> {
          if (deferred) {
            synchronized (reports) {
              reports.add(new Report(position, fills, order.toUpdate()));
            }
          } else {
            context.callback().filled(fills);
            context.callback().orderUpdated(order.toUpdate());
          }
        });
  }

  /**
   * What to tell the platform about one order once the journal is on disk up to {@code position}.
   */
  private record Report(long position, List<Fill> fills, OrderUpdate update) {}

  /** A call made under the lock. */
  private interface Call<T> {
    T run() throws BrokerException;
  }

  /**
   * Runs {@code call} under the lock, then (without the lock, so other calls can write meanwhile
   * and share the force) waits until everything it saw is on disk and delivers the reports that
   * are, before returning its answer or its refusal.
   */
  private <T> T durably(Call<T> call) throws BrokerException {
    T answer = null;
    BrokerException refusal = null;
    long seen;
    try {
      synchronized (lock) {
        try {
          answer = call.run();
        } catch (BrokerException e) {
          refusal = e;
        }
        seen = journal.written();
      }
    } finally {
      closeDropped();
    }
    try {
      settle(seen);
    } catch (BrokerException e) {
      if (refusal != null) {
        e.addSuppressed(refusal);
      }
      throw e;
    }
    if (refusal != null) {
      throw refusal;
    }
    return answer;
  }

  /**
   * Waits until the journal is on disk up to {@code position}, then delivers every report that is.
   *
   * @throws BrokerException {@code OUTCOME_UNKNOWN} when the force failed: the events were applied
   *     and may or may not be on disk, so the platform must reconcile; the journal refuses further
   *     changes and the account reports itself disconnected
   */
  private void settle(long position) throws BrokerException {
    if (!journal.forcesToDisk()) {
      return;
    }
    try {
      journal.sync(position);
    } catch (IOException e) {
      String problem = "could not force the paper order journal to disk: " + e.getMessage();
      context.callback().connectionChanged(false, problem);
      throw new BrokerException(Reason.OUTCOME_UNKNOWN, problem, e);
    }
    deliverReports();
  }

  /** Delivers, in journal order, the reports whose events are on disk. */
  private void deliverReports() {
    long durable = journal.durable();
    synchronized (reports) {
      for (Report next = reports.peek();
          next != null && next.position() <= durable;
          next = reports.peek()) {
        reports.poll();
        context.callback().filled(next.fills());
        context.callback().orderUpdated(next.update());
      }
    }
  }

  private void requireOpen() throws BrokerException {
    if (closed) {
      throw new BrokerException(Reason.UNAVAILABLE, "the paper broker adapter is closed");
    }
  }
}

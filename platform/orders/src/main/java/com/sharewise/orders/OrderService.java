package com.sharewise.orders;

import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.orders.OrderException.Reason;
import com.sharewise.orders.OrderStateMachine.IllegalOrderTransitionException;
import com.sharewise.orders.internal.OrderRateCounter;
import com.sharewise.orders.internal.OrderValidator;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.Outcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one order path. {@link #place} validates an order, checks the kill switches, asks the risk
 * and workflow rules, journals the order and then sends it to the account's broker; what the broker
 * reports ({@link BrokerEvents}) is journaled before anyone is told. The same class runs live, on
 * paper and in backtests: only its collaborators differ (journal in PostgreSQL or memory, brokers
 * from plugins or a backtest's paper broker, wall or simulated clock).
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>An order is acknowledged (returned) only after its creation is durable in the journal; the
 *       {@link OrderEvent.Submitting} event is durable before the broker is called.
 *   <li>A client order id (idempotency key) is used once per account: placing again returns the
 *       first order and sends nothing.
 *   <li>A broker call of unknown outcome leaves the order {@code UNKNOWN}; {@link #reconcile} looks
 *       for it in the broker's order book before anything is sent again, and resends only with the
 *       same client order id, which adapters must treat idempotently.
 *   <li>A fill is booked once per fill id, into the order and the {@link Portfolio}.
 * </ul>
 *
 * <h2>Threading</h2>
 *
 * Thread-safe. Each order's changes are serialised by a lock of its own, held while its events are
 * journaled (different orders share journal commits); broker calls are made without it. Broker
 * reports are handled on {@code brokerEventExecutor}.
 */
public final class OrderService implements BrokerEvents {

  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  /**
   * Everything the order path needs.
   *
   * @param clock the platform clock (simulated in backtests)
   * @param ids order id generator
   * @param instruments reference data by instrument
   * @param quotes latest quotes (reference prices for rules, marks for the portfolio)
   * @param risk the risk and workflow rules
   * @param killSwitches the kill switches
   * @param accounts the accounts
   * @param store the journal
   * @param brokers the brokers
   * @param portfolio positions and cash
   * @param algorithms makes the execution algorithms for parent orders (they place children through
   *     this service)
   * @param brokerEventExecutor where broker reports are handled (a direct executor in backtests)
   * @param riskFacts builds what the rules see about an account
   * @param settings tunables
   */
  public record Dependencies(
      Clock clock,
      OrderIds ids,
      Function<InstrumentId, Optional<Instrument>> instruments,
      QuoteSource quotes,
      RiskGate risk,
      KillSwitchCheck killSwitches,
      AccountDirectory accounts,
      OrderStore store,
      BrokerGateway brokers,
      Portfolio portfolio,
      Function<OrderService, ExecutionAlgorithms> algorithms,
      Executor brokerEventExecutor,
      RiskFacts riskFacts,
      Settings settings) {}

  /**
   * Tunables.
   *
   * @param replayDays how many days of finished orders are kept in memory after a restart
   * @param maxSubmitAttempts how often an order the broker has no record of is sent again (with the
   *     same client order id) before it is rejected
   */
  public record Settings(int replayDays, int maxSubmitAttempts) {
    public static final Settings DEFAULTS = new Settings(2, 3);
  }

  /**
   * One order's state and its lock. Writers hold the lock (so an order's events are journaled in
   * order); readers take the volatile snapshot without it, so checking an account's working orders
   * never waits behind another order's journal commit.
   */
  private static final class Slot {
    private volatile Order order;
    private final Set<String> fillIds = new HashSet<>();
    private int submitAttempts;
    // While the order is being placed with its broker, what the broker reports meanwhile waits in
    // reportedDuringPlacement and is journaled with the broker's answer, in one commit. Guarded by
    // inbox, not the order's lock, so a broker thread parks a report at once even while the order
    // is being journaled.
    private final Object inbox = new Object();
    private boolean placing;
    private final List<OrderEvent> reportedDuringPlacement = new ArrayList<>(2);

    Slot(Order order) {
      this.order = order;
    }

    void placing() {
      synchronized (inbox) {
        placing = true;
      }
    }

    /**
     * Keeps {@code report} for the placement's answer; false when the order is not being placed.
     */
    boolean park(OrderEvent report) {
      synchronized (inbox) {
        if (placing) {
          reportedDuringPlacement.add(report);
        }
        return placing;
      }
    }

    /** Ends the placement: the reports that arrived during it, oldest first. */
    List<OrderEvent> placed() {
      synchronized (inbox) {
        placing = false;
        List<OrderEvent> parked = List.copyOf(reportedDuringPlacement);
        reportedDuringPlacement.clear();
        return parked;
      }
    }
  }

  private final Dependencies d;
  private final ExecutionAlgorithms algorithms;
  private final OrderValidator validator;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Map<ClientKey, String> byClientKey = new ConcurrentHashMap<>();
  private final Map<Long, Set<String>> workingByAccount = new ConcurrentHashMap<>();
  private final Map<Long, OrderRateCounter> rates = new ConcurrentHashMap<>();
  private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();

  public OrderService(Dependencies dependencies) {
    this.d = dependencies;
    this.validator = new OrderValidator(dependencies.instruments());
    this.algorithms = dependencies.algorithms().apply(this);
  }

  /** The execution algorithms working this service's parent orders. */
  public ExecutionAlgorithms algorithms() {
    return algorithms;
  }

  /**
   * Rebuilds orders and positions from the journal. Call once, before the first {@link #place}.
   *
   * @return the orders that may still be working at their brokers (to {@link #reconcile})
   */
  public List<Order> recover() {
    d.store()
        .replay(
            d.settings().replayDays(),
            event -> {
              Slot slot = slots.get(event.orderId());
              Order next = event.applyTo(slot == null ? null : slot.order);
              if (slot == null) {
                slot = new Slot(next);
                slots.put(next.id(), slot);
                byClientKey.put(clientKey(next.accountId(), next.clientOrderId()), next.id());
              }
              slot.order = next;
              if (event instanceof OrderEvent.Filled filled) {
                slot.fillIds.add(filled.fill().fillId());
              }
              trackWorking(next);
            });
    d.store().replayFills(d.portfolio()::apply);
    List<Order> working =
        slots.values().stream()
            .map(s -> s.order)
            .filter(o -> o.status().isWorking() && !o.isParent())
            .toList();
    LOG.atInfo()
        .addKeyValue("orders", slots.size())
        .addKeyValue("working", working.size())
        .log("order journal replayed");
    List<Order> replayed = slots.values().stream().map(s -> s.order).toList();
    algorithms.resume(
        replayed.stream().filter(Order::isParent).toList(),
        replayed.stream().filter(Order::isChild).toList());
    return working;
  }

  public void addListener(OrderListener listener) {
    listeners.add(listener);
  }

  public void removeListener(OrderListener listener) {
    listeners.remove(listener);
  }

  /**
   * Places an order: the one entry for traders, strategies and backtests.
   *
   * @return the order as journaled, after the broker's first answer for a direct order that the
   *     rules approved; REJECTED with the rule's reason when the rules refused it, HELD when they
   *     hold it for approval
   * @throws OrderException for a request that is wrong or blocked (nothing journaled)
   */
  public Order place(OrderCommand command) {
    return submit(command).order();
  }

  /**
   * The outcome of {@link #submit}.
   *
   * @param order the order
   * @param repeated true when the client order id was used before: this is the earlier order, and
   *     nothing new was journaled or sent
   */
  public record Placement(Order order, boolean repeated) {}

  /** {@link #place}, telling a new order from the answer to a repeated client order id. */
  public Placement submit(OrderCommand command) {
    return place(command, "", null);
  }

  /**
   * Places a child order of an execution algorithm's parent. It passes the same checks and rules as
   * any order, but is always worked DIRECT.
   */
  public Order placeChild(Order parent, OrderCommand child) {
    return place(child, parent.id(), parent).order();
  }

  private Placement place(OrderCommand c, String parentId, Order parent) {
    Instrument instrument = validator.validate(c);
    if (parent == null) {
      algorithms.validate(c);
    }
    if (!c.clientOrderId().isEmpty()) {
      Optional<Order> earlier = existing(c.accountId(), c.clientOrderId());
      if (earlier.isPresent()) {
        return new Placement(earlier.get(), true);
      }
    }
    AccountDirectory.AccountInfo account =
        d.accounts()
            .find(c.accountId())
            .orElseThrow(() -> new OrderException(Reason.NOT_FOUND, "no account " + c.accountId()));
    Optional<String> blocked = d.killSwitches().blocking(c.accountId(), c.strategyId());
    if (blocked.isPresent()) {
      throw new OrderException(Reason.BLOCKED, blocked.get());
    }
    String id = d.ids().next();
    String clientOrderId = c.clientOrderId().isEmpty() ? id : c.clientOrderId();
    ClientKey key = clientKey(c.accountId(), clientOrderId);
    if (byClientKey.putIfAbsent(key, id) != null) {
      // the same key is being placed by another request right now: answer with that order
      return new Placement(awaitOrder(byClientKey.get(key)), true);
    }
    try {
      Order order = decide(c, id, clientOrderId, parentId, instrument, account);
      return new Placement(start(order), false);
    } catch (OrderStore.JournalException e) {
      byClientKey.remove(key, id);
      Optional<Order> stored = d.store().findByClientOrderId(c.accountId(), clientOrderId);
      if (stored.isPresent()) {
        byClientKey.put(key, stored.get().id());
        return new Placement(stored.get(), true);
      }
      throw e;
    } catch (RuntimeException e) {
      if (!slots.containsKey(id)) {
        byClientKey.remove(key, id);
      }
      throw e;
    }
  }

  /**
   * The order placed earlier with this key, if this node knows it. Keys older than the replay
   * window are not looked up here (that would cost a query per order): the journal's unique key
   * refuses them, and {@link #place} then answers with the stored order.
   */
  private Optional<Order> existing(long accountId, String clientOrderId) {
    String id = byClientKey.get(clientKey(accountId, clientOrderId));
    return id == null ? Optional.empty() : Optional.of(awaitOrder(id));
  }

  /** The order with {@code id}, waiting briefly while another thread is still journaling it. */
  private Order awaitOrder(String id) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(giveUp)) {
      Slot slot = slots.get(id);
      if (slot != null) {
        return slot.order;
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    throw new OrderException(
        Reason.CONFLICT, "an order with this client order id is still being placed; retry");
  }

  private Order decide(
      OrderCommand c,
      String id,
      String clientOrderId,
      String parentId,
      Instrument instrument,
      AccountDirectory.AccountInfo account) {
    Instant now = d.clock().instant();
    List<PositionView> positions = d.portfolio().positions(c.accountId());
    Verdict verdict =
        d.risk()
            .evaluate(
                d.riskFacts().intent(c, id, lastPrice(c.instrument())),
                d.riskFacts()
                    .context(
                        account,
                        c.instrument(),
                        d.quotes().latest(c.instrument()),
                        positions,
                        d.portfolio().summary(c.accountId(), positions),
                        workingOrders(c.accountId()),
                        rate(c.accountId()),
                        now));
    OrderStatus status =
        switch (verdict.outcome()) {
          case REJECT -> OrderStatus.REJECTED;
          case HOLD_FOR_APPROVAL -> OrderStatus.HELD;
          case APPROVE, MODIFY -> OrderStatus.NEW;
        };
    long quantity = c.quantity();
    BigDecimal limit = c.limitPrice();
    if (verdict.outcome() == Outcome.MODIFY) {
      if (verdict.modifiedQuantity() > 0) {
        quantity = verdict.modifiedQuantity();
        OrderValidator.quantity(instrument, quantity);
      }
      if (verdict.modifiedLimitPrice() > 0 && limit != null) {
        limit = onGrid(instrument, verdict.modifiedLimitPrice());
      }
    }
    Algorithm algorithm = parentId.isEmpty() ? algorithm(c, verdict) : Algorithm.DIRECT;
    String message =
        status == OrderStatus.REJECTED || status == OrderStatus.HELD ? verdict.reason() : "";
    return new Order(
        id,
        c.accountId(),
        clientOrderId,
        parentId,
        c.strategyId(),
        c.instrument(),
        c.side(),
        quantity,
        c.type(),
        limit,
        c.triggerPrice(),
        c.product(),
        c.validity(),
        algorithm,
        c.algorithmParameters(),
        status,
        0,
        null,
        BigDecimal.ZERO,
        "",
        message,
        new Decision(
            verdict.decisionId(), verdict.outcome().name(), verdict.ruleName(), verdict.reason()),
        c.actor(),
        now,
        now);
  }

  /** The caller's algorithm, unless a workflow rule chose one for a direct order. */
  private static Algorithm algorithm(OrderCommand c, Verdict verdict) {
    if (c.algorithm() != Algorithm.DIRECT) {
      return c.algorithm();
    }
    String chosen = verdict.executionAlgorithm();
    return chosen == null || chosen.isBlank() || "DIRECT".equalsIgnoreCase(chosen)
        ? Algorithm.DIRECT
        : Algorithm.parse(chosen);
  }

  private static BigDecimal onGrid(Instrument instrument, double price) {
    BigDecimal tick = instrument.tickSize();
    BigDecimal ticks = BigDecimal.valueOf(price).divide(tick, 0, java.math.RoundingMode.HALF_EVEN);
    return ticks.multiply(tick);
  }

  /** Journals a new order and takes it as far as it goes now. */
  private Order start(Order order) {
    Slot slot = new Slot(order);
    List<JournalEntry> entries = new ArrayList<>(2);
    entries.add(new JournalEntry(new OrderEvent.Created(order), order));
    Order current = order;
    boolean send = false;
    if (order.status() == OrderStatus.NEW && order.isParent()) {
      OrderEvent working =
          new OrderEvent.Working(order.id(), order.algorithm() + " started", order.createdAt());
      current = working.applyTo(order);
      entries.add(new JournalEntry(working, current));
    } else if (order.status() == OrderStatus.NEW) {
      OrderEvent submitting = new OrderEvent.Submitting(order.id(), order.createdAt());
      current = submitting.applyTo(order);
      entries.add(new JournalEntry(submitting, current));
      send = true;
    }
    synchronized (slot) {
      d.store().append(entries);
      slot.order = current;
      slots.put(order.id(), slot);
      trackWorking(current);
      for (JournalEntry entry : entries) {
        notifyChanged(entry.after(), entry.event());
      }
    }
    if (current.isParent() && current.status() == OrderStatus.OPEN) {
      algorithms.start(current);
    }
    if (send) {
      rate(order.accountId()).record(d.clock().millis());
      submit(slot);
    }
    return slot.order;
  }

  /**
   * Sends a PENDING_SUBMIT order to its broker and journals the answer, together with what the
   * broker reported about the order while it was being placed (an immediate fill): one commit
   * instead of one per report, and every report still journaled before anyone acts on it.
   */
  private void submit(Slot slot) {
    Order order;
    synchronized (slot) {
      order = slot.order;
      slot.submitAttempts++;
    }
    slot.placing();
    OrderEvent answer;
    try {
      answer = placed(order);
    } catch (RuntimeException e) {
      slot.placed(); // not reached: placed answers every outcome with an event
      throw e;
    }
    recordPlacement(slot, answer);
  }

  /** Places {@code order} with its broker; the event that says how that went. */
  private OrderEvent placed(Order order) {
    try {
      BrokerSession session = session(order.accountId());
      OrderUpdate answer = session.place(toRequest(order));
      return new OrderEvent.BrokerReported(order.id(), answer, d.clock().instant());
    } catch (BrokerException e) {
      return switch (e.reason()) {
        case OUTCOME_UNKNOWN ->
            new OrderEvent.OutcomeUnknown(
                order.id(),
                "the broker did not confirm the order (" + e.getMessage() + "); reconciling",
                d.clock().instant());
        case REJECTED -> new OrderEvent.Rejected(order.id(), e.getMessage(), d.clock().instant());
        default ->
            new OrderEvent.Rejected(
                order.id(),
                "not sent: the broker is unavailable (" + e.getMessage() + ")",
                d.clock().instant());
      };
    } catch (OrderException e) {
      return new OrderEvent.Rejected(order.id(), "not sent: " + e.getMessage(), now());
    } catch (RuntimeException e) {
      // an adapter bug: whether it reached the broker is unknown, so reconcile rather than resend
      LOG.atError()
          .addKeyValue("order", order.id())
          .setCause(e)
          .log("broker adapter failed while placing an order");
      return new OrderEvent.OutcomeUnknown(
          order.id(), "the broker adapter failed: " + e.getMessage(), now());
    }
  }

  /**
   * Journals the broker's answer to a placement after the reports that arrived during it (the
   * broker sent those first), in one commit; reports that no longer fit are dropped as usual.
   */
  private void recordPlacement(Slot slot, OrderEvent answer) {
    List<OrderEvent> events;
    boolean recorded;
    Order after;
    synchronized (slot) {
      events = new ArrayList<>(3);
      for (OrderEvent parked : slot.placed()) {
        if (!(parked instanceof OrderEvent.Filled filled)
            || slot.fillIds.add(filled.fill().fillId())) {
          events.add(parked); // a fill reported twice is booked once
        }
      }
      events.add(answer);
      try {
        recorded = journal(slot, events, true);
      } catch (RuntimeException e) {
        // not journaled: forget the fills too, so the trade book can book them later
        for (OrderEvent event : events) {
          if (event instanceof OrderEvent.Filled filled) {
            slot.fillIds.remove(filled.fill().fillId());
          }
        }
        throw e;
      }
      after = slot.order;
    }
    if (recorded) {
      afterRecord(after);
    }
  }

  private BrokerSession session(long accountId) {
    AccountDirectory.AccountInfo account =
        d.accounts()
            .find(accountId)
            .orElseThrow(() -> new OrderException(Reason.NOT_FOUND, "no account " + accountId));
    return d.brokers().session(accountId, account.brokerId());
  }

  /**
   * Applies and journals one event under the order's lock, then tells the listeners.
   *
   * @return false when the event does not fit the order's state (a late or repeated report): it is
   *     dropped, not journaled
   */
  private boolean record(Slot slot, OrderEvent event) {
    boolean recorded;
    Order after;
    synchronized (slot) {
      recorded = journal(slot, List.of(event), false);
      after = slot.order;
    }
    if (recorded) {
      afterRecord(after);
    }
    return recorded;
  }

  /**
   * Applies {@code events} in order and journals those that fit in one commit, then tells the
   * listeners. The caller holds the order's lock and calls {@link #afterRecord} once it is
   * released.
   *
   * @param skipRepeats whether a broker report that tells nothing new (the answer repeating a push)
   *     is left out
   * @return false when none of them fit the order's state (late or repeated reports): nothing was
   *     journaled
   */
  private boolean journal(Slot slot, List<OrderEvent> events, boolean skipRepeats) {
    Order next = slot.order;
    List<JournalEntry> entries = new ArrayList<>(events.size());
    for (OrderEvent event : events) {
      if (skipRepeats
          && event instanceof OrderEvent.BrokerReported reported
          && nothingNew(next, reported.update())) {
        continue;
      }
      try {
        next = event.applyTo(next);
      } catch (IllegalOrderTransitionException e) {
        LOG.atDebug().addKeyValue("order", event.orderId()).log(e.getMessage());
        continue;
      }
      entries.add(new JournalEntry(event, next));
    }
    if (entries.isEmpty()) {
      return false;
    }
    d.store().append(entries);
    slot.order = next;
    trackWorking(next);
    for (JournalEntry entry : entries) {
      if (entry.event() instanceof OrderEvent.Filled filled) {
        Order after = entry.after();
        AccountFill fill =
            new AccountFill(after.accountId(), after.id(), after.product(), filled.fill());
        d.portfolio().apply(fill);
        listeners.forEach(l -> l.filled(fill));
      }
      notifyChanged(entry.after(), entry.event());
    }
    return true;
  }

  /** Tells a child order's algorithm that the child changed; called without the order's lock. */
  private void afterRecord(Order next) {
    if (next.isChild()) {
      Slot parent = slots.get(next.parentId());
      if (parent != null) {
        algorithms.childChanged(parent.order, next);
      }
    }
  }

  private void notifyChanged(Order order, OrderEvent event) {
    for (OrderListener listener : listeners) {
      try {
        listener.orderChanged(order, event);
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("order", order.id()).setCause(e).log("order listener failed");
      }
    }
  }

  // ---- broker reports ----

  @Override
  public void orderUpdated(long accountId, OrderUpdate update) {
    if (!parked(accountId, update.clientOrderId(), () -> reported(update))) {
      d.brokerEventExecutor().execute(() -> applyUpdate(accountId, update));
    }
  }

  @Override
  public void filled(long accountId, Fill fill) {
    if (!parked(
        accountId,
        fill.clientOrderId(),
        () -> new OrderEvent.Filled(fill.clientOrderId(), fill, now()))) {
      d.brokerEventExecutor().execute(() -> applyFill(accountId, fill));
    }
  }

  /**
   * Keeps a report about an order being placed for the placement's answer, on the broker's thread:
   * handing it to {@code brokerEventExecutor} first could let the answer be journaled before it,
   * costing the report a commit of its own.
   */
  private boolean parked(long accountId, String clientOrderId, Supplier<OrderEvent> report) {
    Slot slot = slots.get(clientOrderId);
    return slot != null && slot.order.accountId() == accountId && slot.park(report.get());
  }

  private OrderEvent reported(OrderUpdate update) {
    return new OrderEvent.BrokerReported(update.clientOrderId(), update, now());
  }

  private void applyUpdate(long accountId, OrderUpdate update) {
    Slot slot = slots.get(update.clientOrderId());
    if (slot == null || slot.order.accountId() != accountId) {
      LOG.atWarn()
          .addKeyValue("account", accountId)
          .addKeyValue("clientOrderId", update.clientOrderId())
          .log("broker reported an order the platform does not know; ignored");
      return;
    }
    synchronized (slot) {
      if (nothingNew(slot.order, update)) {
        return;
      }
    }
    record(slot, reported(update));
  }

  /** Whether {@code update} only repeats what the order already says. */
  private static boolean nothingNew(Order order, OrderUpdate update) {
    return order.status() == update.status()
        && order.brokerOrderId().equals(update.brokerOrderId())
        && (update.message().isEmpty() || order.message().equals(update.message()));
  }

  private void applyFill(long accountId, Fill fill) {
    Slot slot = slots.get(fill.clientOrderId());
    if (slot == null || slot.order.accountId() != accountId) {
      LOG.atWarn()
          .addKeyValue("account", accountId)
          .addKeyValue("fill", fill.fillId())
          .log("broker reported a fill of an order the platform does not know; ignored");
      return;
    }
    synchronized (slot) {
      if (!slot.fillIds.add(fill.fillId())) {
        return; // reported twice (push and trade book): booked once
      }
    }
    if (!record(slot, new OrderEvent.Filled(fill.clientOrderId(), fill, now()))) {
      synchronized (slot) {
        slot.fillIds.remove(fill.fillId());
      }
    }
  }

  // ---- actions on existing orders ----

  /** The order with {@code id}, from memory or the journal. */
  public Optional<Order> find(String id) {
    Slot slot = slots.get(id);
    if (slot != null) {
      return Optional.of(slot.order);
    }
    return d.store().find(id);
  }

  /** Orders matching {@code query}, newest first. */
  public List<Order> query(OrderQuery query) {
    return d.store().query(query);
  }

  /** The journaled events of one order, oldest first. */
  public List<OrderEvent> history(String id) {
    return d.store().history(id);
  }

  /** Fills of these accounts (null = all), newest first. */
  public List<AccountFill> fills(Set<Long> accountIds, int limit) {
    return d.store().fills(accountIds, limit);
  }

  /**
   * Cancels an order: at once if it never reached a broker, else by asking the broker.
   *
   * @throws OrderException {@code NOT_FOUND} for an unknown order, {@code CONFLICT} for a finished
   *     one or when the broker refuses
   */
  public Order cancel(String id, String actor, String reason) {
    Slot slot = requireSlot(id);
    Order order = slot.order;
    if (order.status().isFinal()) {
      throw new OrderException(
          Reason.CONFLICT, "order " + id + " is already " + order.status() + "; nothing to cancel");
    }
    String why = reason == null || reason.isBlank() ? "cancelled by " + actor : reason;
    if (order.isParent()) {
      algorithms.cancel(order);
      record(slot, new OrderEvent.Cancelled(id, why, now()));
      for (Slot child : children(id)) {
        Order c = child.order;
        if (!c.status().isFinal()) {
          cancelQuietly(c.id(), actor, why);
        }
      }
      return current(slot);
    }
    if (order.status() == OrderStatus.HELD || order.status() == OrderStatus.NEW) {
      record(slot, new OrderEvent.Cancelled(id, why, now()));
      return current(slot);
    }
    record(slot, new OrderEvent.CancelRequested(id, actor, now()));
    try {
      OrderUpdate answer = session(order.accountId()).cancel(order.id(), order.brokerOrderId());
      record(slot, new OrderEvent.BrokerReported(id, answer, now()));
    } catch (BrokerException e) {
      if (e.reason() == BrokerException.Reason.OUTCOME_UNKNOWN) {
        return current(slot); // the order book will tell; reconciliation picks it up
      }
      throw new OrderException(
          Reason.CONFLICT, "the broker refused to cancel order " + id + ": " + e.getMessage(), e);
    }
    return current(slot);
  }

  private void cancelQuietly(String id, String actor, String reason) {
    try {
      cancel(id, actor, reason);
    } catch (OrderException e) {
      LOG.atInfo().addKeyValue("order", id).log("child not cancelled: " + e.getMessage());
    }
  }

  /**
   * Changes an open order's quantity (the new total), limit or trigger price. The changed order
   * passes the risk rules again; an order not yet at a broker changes at once.
   */
  public Order modify(String id, OrderModification change, String actor) {
    Slot slot = requireSlot(id);
    Order order = current(slot);
    if (order.status().isFinal()) {
      throw new OrderException(
          Reason.CONFLICT, "order " + id + " is already " + order.status() + "; it cannot change");
    }
    if (order.isParent()) {
      throw new OrderException(
          Reason.CONFLICT, "order " + id + " is worked by " + order.algorithm() + "; cancel it");
    }
    if (change.type() != null && change.type() != order.type()) {
      throw new OrderException(Reason.INVALID, "an order's type cannot be changed; cancel it");
    }
    Instrument instrument =
        d.instruments()
            .apply(order.instrument())
            .orElseThrow(
                () ->
                    new OrderException(
                        Reason.NOT_FOUND, "unknown instrument " + order.instrument()));
    long quantity = change.quantity() == null ? order.quantity() : change.quantity();
    OrderValidator.quantity(instrument, quantity);
    if (quantity < order.filledQuantity()) {
      throw new OrderException(
          Reason.INVALID,
          "quantity " + quantity + " is below the " + order.filledQuantity() + " already filled");
    }
    BigDecimal limit = change.limitPrice() == null ? order.limitPrice() : change.limitPrice();
    BigDecimal trigger =
        change.triggerPrice() == null ? order.triggerPrice() : change.triggerPrice();
    if (change.limitPrice() != null && !order.type().needsLimitPrice()) {
      throw new OrderException(Reason.INVALID, order.type() + " orders take no price");
    }
    if (change.triggerPrice() != null && !order.type().needsTriggerPrice()) {
      throw new OrderException(Reason.INVALID, order.type() + " orders take no triggerPrice");
    }
    OrderValidator.price(instrument, "price", limit);
    OrderValidator.price(instrument, "triggerPrice", trigger);
    recheck(order, quantity, limit, trigger);
    if (order.status() == OrderStatus.HELD || order.status() == OrderStatus.NEW) {
      record(slot, new OrderEvent.Modified(id, quantity, limit, trigger, now()));
      return current(slot);
    }
    record(slot, new OrderEvent.ModifyRequested(id, actor, change, now()));
    try {
      OrderUpdate answer =
          session(order.accountId())
              .modify(
                  order.id(),
                  order.brokerOrderId(),
                  new OrderModification(quantity, null, limit, trigger));
      record(slot, new OrderEvent.Modified(id, quantity, limit, trigger, now()));
      record(slot, new OrderEvent.BrokerReported(id, answer, now()));
    } catch (BrokerException e) {
      if (e.reason() == BrokerException.Reason.OUTCOME_UNKNOWN) {
        return current(slot);
      }
      throw new OrderException(
          Reason.CONFLICT, "the broker refused to modify order " + id + ": " + e.getMessage(), e);
    }
    return current(slot);
  }

  /** Asks the risk rules about the changed order; a rejection refuses the change. */
  private void recheck(Order order, long quantity, BigDecimal limit, BigDecimal trigger) {
    OrderCommand changed =
        new OrderCommand(
            order.accountId(),
            order.clientOrderId(),
            order.instrument(),
            order.side(),
            quantity - order.filledQuantity(),
            order.type(),
            limit,
            trigger,
            order.product(),
            order.validity(),
            Algorithm.DIRECT,
            Map.of(),
            order.strategyId(),
            order.createdBy());
    AccountDirectory.AccountInfo account =
        d.accounts()
            .find(order.accountId())
            .orElseThrow(
                () -> new OrderException(Reason.NOT_FOUND, "no account " + order.accountId()));
    Verdict verdict =
        d.risk()
            .evaluate(
                d.riskFacts().intent(changed, order.id(), lastPrice(order.instrument())),
                d.riskFacts()
                    .context(
                        account,
                        order.instrument(),
                        d.quotes().latest(order.instrument()),
                        d.portfolio().positions(order.accountId()),
                        d.portfolio().summary(order.accountId()),
                        workingOrders(order.accountId()).stream()
                            .filter(o -> !o.id().equals(order.id()))
                            .toList(),
                        rate(order.accountId()),
                        now()));
    if (verdict.outcome() == Outcome.REJECT || verdict.outcome() == Outcome.HOLD_FOR_APPROVAL) {
      throw new OrderException(
          Reason.INVALID,
          "the rules refuse the change: " + verdict.reason() + " (" + verdict.ruleName() + ")");
    }
  }

  /** Sends an order the workflow rules held, on a person's approval. */
  public Order release(String id, String actor) {
    Slot slot = requireSlot(id);
    Order order = current(slot);
    if (order.status() != OrderStatus.HELD) {
      throw new OrderException(
          Reason.CONFLICT, "order " + id + " is " + order.status() + ", not held for approval");
    }
    if (order.createdBy().equals(actor)) {
      throw new OrderException(
          Reason.CONFLICT, "an order held for approval must be approved by someone else");
    }
    record(slot, new OrderEvent.Released(id, actor, now()));
    Order released = current(slot);
    if (released.isParent()) {
      record(slot, new OrderEvent.Working(id, released.algorithm() + " started", now()));
      algorithms.start(current(slot));
    } else {
      record(slot, new OrderEvent.Submitting(id, now()));
      rate(order.accountId()).record(d.clock().millis());
      submit(slot);
    }
    return current(slot);
  }

  /** Refuses an order the workflow rules held. */
  public Order decline(String id, String actor, String reason) {
    Slot slot = requireSlot(id);
    Order order = current(slot);
    if (order.status() != OrderStatus.HELD) {
      throw new OrderException(
          Reason.CONFLICT, "order " + id + " is " + order.status() + ", not held for approval");
    }
    record(
        slot,
        new OrderEvent.Rejected(
            id,
            "declined by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason),
            now()));
    return current(slot);
  }

  /** Marks a parent order filled or finished when its algorithm says so. */
  public void finishParent(String parentId, OrderStatus status, String detail) {
    Slot slot = requireSlot(parentId);
    OrderEvent event =
        status == OrderStatus.CANCELLED
            ? new OrderEvent.Cancelled(parentId, detail, now())
            : status == OrderStatus.REJECTED
                ? new OrderEvent.Rejected(parentId, detail, now())
                : new OrderEvent.BrokerReported(
                    parentId, new OrderUpdate(parentId, "", status, 0, null, detail, now()), now());
    record(slot, event);
  }

  /** Books a child's fill on its parent too, so the parent shows its progress. */
  public void parentFilled(String parentId, Fill childFill) {
    Slot slot = requireSlot(parentId);
    Fill asParent =
        new Fill(
            parentId + ":" + childFill.fillId(),
            parentId,
            "",
            childFill.instrument(),
            childFill.side(),
            childFill.quantity(),
            childFill.price(),
            childFill.time(),
            childFill.charges());
    synchronized (slot) {
      if (!slot.fillIds.add(asParent.fillId())) {
        return;
      }
      Order before = slot.order;
      Order next = new OrderEvent.Filled(parentId, asParent, now()).applyTo(before);
      OrderEvent event = new OrderEvent.Filled(parentId, asParent, now());
      d.store().append(List.of(new JournalEntry(event, next)));
      slot.order = next;
      trackWorking(next);
      notifyChanged(next, event);
    }
  }

  // ---- reconciliation ----

  /**
   * Asks the broker about orders whose state the platform is not sure of (UNKNOWN; PENDING_SUBMIT
   * left by a crash; OPEN orders after a restart, whose fills may have happened meanwhile): adopts
   * the broker's state and books missing fills. An order the broker has no record of is sent again
   * with the same client order id, at most {@link Settings#maxSubmitAttempts} times in all.
   *
   * @return how many orders changed
   */
  public int reconcile(List<Order> orders) {
    int changed = 0;
    Map<Long, List<Order>> byAccount = new java.util.HashMap<>();
    for (Order o : orders) {
      byAccount.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o);
    }
    for (var entry : byAccount.entrySet()) {
      changed += reconcileAccount(entry.getKey(), entry.getValue());
    }
    return changed;
  }

  /** The orders the platform is unsure of now. */
  public List<Order> uncertain() {
    return slots.values().stream()
        .map(this::current)
        .filter(
            o ->
                !o.isParent()
                    && (o.status() == OrderStatus.UNKNOWN
                        || o.status() == OrderStatus.PENDING_SUBMIT
                            && o.updatedAt().isBefore(now().minusSeconds(30))))
        .toList();
  }

  private int reconcileAccount(long accountId, List<Order> orders) {
    List<OrderUpdate> book;
    List<Fill> trades;
    try {
      BrokerSession session = session(accountId);
      book = session.orderBook();
      trades = tradesOrEmpty(session);
    } catch (BrokerException | OrderException e) {
      LOG.atWarn()
          .addKeyValue("account", accountId)
          .log("cannot reconcile orders yet: " + e.getMessage());
      return 0;
    }
    int changed = 0;
    for (Order o : orders) {
      Slot slot = slots.get(o.id());
      if (slot == null) {
        continue;
      }
      Optional<OrderUpdate> atBroker =
          book.stream().filter(u -> u.clientOrderId().equals(o.id())).findFirst();
      for (Fill fill : trades) {
        if (fill.clientOrderId().equals(o.id())) {
          applyFill(accountId, fill);
        }
      }
      if (atBroker.isPresent()) {
        if (record(slot, new OrderEvent.BrokerReported(o.id(), atBroker.get(), now()))) {
          changed++;
        }
        continue;
      }
      Order current = current(slot);
      if (current.status() != OrderStatus.UNKNOWN
          && current.status() != OrderStatus.PENDING_SUBMIT) {
        continue;
      }
      int attempts;
      synchronized (slot) {
        attempts = slot.submitAttempts;
      }
      if (attempts >= d.settings().maxSubmitAttempts()) {
        record(
            slot,
            new OrderEvent.Rejected(
                o.id(),
                "the broker has no record of the order after " + attempts + " attempts",
                now()));
      } else {
        if (current.status() == OrderStatus.UNKNOWN) {
          record(slot, new OrderEvent.Submitting(o.id(), now()));
        }
        submit(slot); // same client order id: the adapter returns the order if it has it after all
      }
      changed++;
    }
    return changed;
  }

  private static List<Fill> tradesOrEmpty(BrokerSession session) throws BrokerException {
    try {
      return session.tradeBook();
    } catch (BrokerException e) {
      if (e.reason() == BrokerException.Reason.UNSUPPORTED) {
        return List.of();
      }
      throw e;
    }
  }

  // ---- kill switch support ----

  /** Cancels every working order matching {@code which} (a kill switch was engaged). */
  public int cancelWorking(java.util.function.Predicate<Order> which, String actor, String reason) {
    int cancelled = 0;
    for (Slot slot : List.copyOf(slots.values())) {
      Order o = current(slot);
      if (o.isChild() || o.status().isFinal() || !which.test(o)) {
        continue;
      }
      try {
        cancel(o.id(), actor, reason);
        cancelled++;
      } catch (OrderException e) {
        LOG.atWarn()
            .addKeyValue("order", o.id())
            .log("kill switch cancel failed: " + e.getMessage());
      }
    }
    return cancelled;
  }

  // ---- helpers ----

  private Slot requireSlot(String id) {
    Slot slot = slots.get(id);
    if (slot == null) {
      throw new OrderException(Reason.NOT_FOUND, "no order " + id);
    }
    return slot;
  }

  private List<Slot> children(String parentId) {
    return slots.values().stream().filter(s -> current(s).parentId().equals(parentId)).toList();
  }

  private Order current(Slot slot) {
    return slot.order;
  }

  private List<Order> workingOrders(long accountId) {
    Set<String> ids = workingByAccount.get(accountId);
    if (ids == null) {
      return List.of();
    }
    List<Order> working = new ArrayList<>(ids.size());
    for (String id : ids) {
      Slot slot = slots.get(id);
      if (slot != null) {
        working.add(current(slot));
      }
    }
    return working;
  }

  private void trackWorking(Order order) {
    if (order.isParent()) {
      return;
    }
    Set<String> ids =
        workingByAccount.computeIfAbsent(order.accountId(), k -> ConcurrentHashMap.newKeySet());
    if (order.status().isWorking()) {
      ids.add(order.id());
    } else {
      ids.remove(order.id());
    }
  }

  private OrderRateCounter rate(long accountId) {
    return rates.computeIfAbsent(accountId, k -> new OrderRateCounter());
  }

  private double lastPrice(InstrumentId instrument) {
    return d.quotes().latest(instrument).map(Tick::lastPrice).orElse(0.0);
  }

  private static OrderRequest toRequest(Order o) {
    return new OrderRequest(
        o.id(),
        new AccountRef(Long.toString(o.accountId())),
        o.instrument(),
        o.side(),
        o.quantity(),
        o.type(),
        o.limitPrice(),
        o.triggerPrice(),
        o.product(),
        o.validity());
  }

  private static ClientKey clientKey(long accountId, String clientOrderId) {
    return new ClientKey(accountId, clientOrderId);
  }

  /** A client order id is used once per account. */
  private record ClientKey(long accountId, String clientOrderId) {}

  private Instant now() {
    return d.clock().instant();
  }
}

package com.sharewise.orders.algo;

import com.sharewise.api.market.Exchange;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Segment;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.KillSwitchCheck;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderIds;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PositionMirror;
import com.sharewise.orders.RiskFacts;
import com.sharewise.orders.testkit.ScriptedRisk;
import com.sharewise.orders.testkit.TestQuotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The order path in memory, as a backtest runs it: the real {@link OrderService} with a memory
 * journal, a broker that fills when told, rules that approve, a simulated clock and a {@link
 * SimulatedScheduler} running the engine.
 */
final class Desk {

  static final long ACCOUNT = 7;
  static final InstrumentId INFY = new InstrumentId(Exchange.NSE, "INFY");
  static final InstrumentId NIFTY_FUT = new InstrumentId(Exchange.NFO, "NIFTY25JANFUT");

  /** Monday 6 January 2025, 09:30 IST. */
  static final Instant OPENING = Instant.parse("2025-01-06T04:00:00Z");

  private static final Map<InstrumentId, Instrument> INSTRUMENTS =
      Map.of(
          INFY,
          new Instrument(INFY, "408065", "INFOSYS", Segment.EQUITY, new BigDecimal("0.05"), 1, ""),
          NIFTY_FUT,
          new Instrument(
              NIFTY_FUT, "1", "NIFTY JAN FUT", Segment.FUTURES, new BigDecimal("0.05"), 50, ""));

  final ManualClock clock;
  final TestQuotes quotes;
  final FakeBroker broker;
  final MemoryOrderStore store;
  final ScriptedRisk risk = new ScriptedRisk();
  final SimulatedScheduler scheduler;
  final OrderService service;

  Desk() {
    this(VolumeProfile.EQUAL);
  }

  Desk(VolumeProfile volumes) {
    this.clock = new ManualClock(OPENING);
    this.quotes = new TestQuotes(clock);
    this.broker = new FakeBroker(clock, quotes);
    this.store = new MemoryOrderStore();
    this.scheduler = new SimulatedScheduler(clock);
    this.service = service(volumes, 42);
    quotes.last(INFY, 1500);
    quotes.last(NIFTY_FUT, 23500);
  }

  /** A node restarted on the same journal and broker: new service, engine and scheduler. */
  private Desk(Desk before) {
    this.clock = before.clock;
    this.quotes = before.quotes;
    this.broker = before.broker;
    this.store = before.store;
    this.scheduler = new SimulatedScheduler(clock);
    // another random start, as on a real restart, so new ids never repeat the journal's
    this.service = service(VolumeProfile.EQUAL, 4242);
  }

  private OrderService service(VolumeProfile volumes, long seed) {
    Portfolio portfolio =
        new Portfolio(quotes, PositionMirror.NONE, id -> new BigDecimal("10000000"), clock);
    AccountDirectory accounts =
        id ->
            id == ACCOUNT
                ? Optional.of(new AccountDirectory.AccountInfo(ACCOUNT, 1, "fake", true))
                : Optional.empty();
    OrderService built =
        new OrderService(
            new OrderService.Dependencies(
                clock,
                new OrderIds(clock, new Random(seed)),
                id -> Optional.ofNullable(INSTRUMENTS.get(id)),
                quotes,
                risk,
                KillSwitchCheck.NONE,
                accounts,
                store,
                broker,
                portfolio,
                AlgorithmEngine.factory(
                    new AlgorithmEngine.Dependencies(
                        clock,
                        id -> Optional.ofNullable(INSTRUMENTS.get(id)),
                        quotes,
                        scheduler,
                        volumes,
                        scheduler)),
                Runnable::run,
                new RiskFacts(true),
                OrderService.Settings.DEFAULTS));
    broker.reportTo(built, ACCOUNT);
    return built;
  }

  /** Restarts the node: the journal is replayed and the algorithms resume. */
  Desk restart() {
    Desk after = new Desk(this);
    after.service.recover();
    after.settle();
    return after;
  }

  /** Places a parent order worked by {@code algorithm} and lets the engine run. */
  Order place(
      Algorithm algorithm,
      OrderSide side,
      long quantity,
      OrderType type,
      BigDecimal limit,
      BigDecimal trigger,
      Map<String, String> parameters) {
    return place(INFY, algorithm, side, quantity, type, limit, trigger, parameters);
  }

  Order place(
      InstrumentId instrument,
      Algorithm algorithm,
      OrderSide side,
      long quantity,
      OrderType type,
      BigDecimal limit,
      BigDecimal trigger,
      Map<String, String> parameters) {
    Order parent =
        service.place(
            new OrderCommand(
                ACCOUNT,
                null,
                instrument,
                side,
                quantity,
                type,
                limit,
                trigger,
                Product.MIS,
                Validity.DAY,
                algorithm,
                parameters,
                "",
                "asha"));
    settle();
    return parent;
  }

  /** Runs the engine's queued work. */
  void settle() {
    scheduler.runDue();
  }

  /** Moves the clock to {@code until}, stopping at each scheduled task on the way. */
  void runUntil(Instant until) {
    settle();
    Optional<Instant> next = scheduler.nextDue();
    while (next.isPresent() && !next.get().isAfter(until)) {
      clock.set(next.get().isBefore(clock.instant()) ? clock.instant() : next.get());
      settle();
      next = scheduler.nextDue();
    }
    clock.set(until);
    settle();
  }

  /** Moves the clock step by step, filling MARKET orders at the last price after each step. */
  void runFillingUntil(Instant until) {
    settle();
    fillMarket();
    Optional<Instant> next = scheduler.nextDue();
    while (next.isPresent() && !next.get().isAfter(until)) {
      clock.set(next.get().isBefore(clock.instant()) ? clock.instant() : next.get());
      settle();
      fillMarket();
      next = scheduler.nextDue();
    }
    clock.set(until);
    settle();
  }

  void fillMarket() {
    while (broker.fillMarketOrders() > 0) {
      settle();
    }
  }

  /** The order as the service knows it now. */
  Order order(String id) {
    return service.find(id).orElseThrow();
  }

  /** The parent's children, oldest first. */
  List<Order> children(String parentId) {
    return store.orders().stream()
        .filter(o -> o.parentId().equals(parentId))
        .map(o -> order(o.id()))
        .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::clientOrderId))
        .toList();
  }

  /** The child placed for {@code role}. */
  Order child(String parentId, String role) {
    return children(parentId).stream()
        .filter(o -> o.clientOrderId().equals(parentId + ":" + role))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no child " + role + " of " + parentId));
  }

  boolean hasChild(String parentId, String role) {
    return children(parentId).stream()
        .anyMatch(o -> o.clientOrderId().equals(parentId + ":" + role));
  }

  static BigDecimal price(String text) {
    return new BigDecimal(text);
  }
}

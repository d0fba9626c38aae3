package com.sharewise.strategies;

import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Segment;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.BrokerGateway;
import com.sharewise.orders.BrokerSession;
import com.sharewise.orders.ExecutionAlgorithms;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.OrderIds;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PositionMirror;
import com.sharewise.orders.RiskFacts;
import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The real order path in memory, as a backtest runs it: {@link OrderService} over a {@link
 * MemoryOrderStore}, a broker that accepts every order (and records it), risk rules that approve,
 * and a kill switch the test can engage.
 */
final class OrderDesk {

  static final long ACCOUNT = 7;

  /** 10:00 IST, Monday 6 January 2025. */
  static final Instant NOW = Instant.parse("2025-01-06T04:30:00Z");

  static final Map<InstrumentId, Instrument> INSTRUMENTS =
      Map.of(
          TestBars.INFY,
          new Instrument(
              TestBars.INFY, "1", "INFOSYS", Segment.EQUITY, new BigDecimal("0.05"), 1, ""),
          TestBars.TCS,
          new Instrument(TestBars.TCS, "2", "TCS", Segment.EQUITY, new BigDecimal("0.05"), 1, ""));

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final MemoryOrderStore store = new MemoryOrderStore();
  final List<OrderRequest> sent = new CopyOnWriteArrayList<>();
  final Map<Long, String> blocked = new ConcurrentHashMap<>();
  final QuoteSource quotes = new Quotes();
  final Portfolio portfolio =
      new Portfolio(quotes, PositionMirror.NONE, id -> new BigDecimal("1000000"), clock);
  final AccountDirectory accounts =
      id ->
          id == ACCOUNT
              ? Optional.of(new AccountDirectory.AccountInfo(ACCOUNT, 1, "fake", true))
              : Optional.empty();
  final OrderService service;

  OrderDesk() {
    service =
        new OrderService(
            new OrderService.Dependencies(
                clock,
                new OrderIds(clock, new Random(1)),
                id -> Optional.ofNullable(INSTRUMENTS.get(id)),
                quotes,
                new Approve(),
                (account, strategy) -> Optional.ofNullable(blocked.get(account)),
                accounts,
                store,
                new Broker(),
                portfolio,
                s -> ExecutionAlgorithms.NONE,
                Runnable::run,
                new RiskFacts(true),
                OrderService.Settings.DEFAULTS));
  }

  /** Approves every order. */
  private static final class Approve implements RiskGate {
    private int decisions;

    @Override
    public synchronized Verdict evaluate(OrderIntent intent, RiskContext context) {
      return new Verdict(
          "R" + ++decisions,
          Outcome.APPROVE,
          "",
          "",
          0,
          0,
          "DIRECT",
          "",
          List.of(),
          Map.of(),
          List.of(),
          0);
    }

    @Override
    public Optional<Explanation> explain(String decisionId) {
      return Optional.empty();
    }
  }

  /** Accepts every order as OPEN. */
  private final class Broker implements BrokerGateway, BrokerSession {
    @Override
    public BrokerSession session(long accountId, String brokerId) {
      return this;
    }

    @Override
    public String brokerId() {
      return "fake";
    }

    @Override
    public OrderUpdate place(OrderRequest request) {
      sent.add(request);
      return new OrderUpdate(
          request.clientOrderId(),
          "B" + sent.size(),
          OrderStatus.OPEN,
          0,
          null,
          "",
          clock.instant());
    }

    @Override
    public OrderUpdate modify(String clientOrderId, String brokerOrderId, OrderModification m)
        throws BrokerException {
      throw new UnsupportedOperationException("these tests place orders only; none is modified");
    }

    @Override
    public OrderUpdate cancel(String clientOrderId, String brokerOrderId) throws BrokerException {
      throw new UnsupportedOperationException("these tests place orders only; none is cancelled");
    }

    @Override
    public List<OrderUpdate> orderBook() {
      return List.of();
    }

    @Override
    public List<Fill> tradeBook() {
      return List.of();
    }

    @Override
    public void close() {}
  }

  /** No quotes. */
  private static final class Quotes implements QuoteSource {
    @Override
    public Optional<Tick> latest(InstrumentId instrument) {
      return Optional.empty();
    }

    @Override
    public Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
      return () -> {};
    }
  }
}

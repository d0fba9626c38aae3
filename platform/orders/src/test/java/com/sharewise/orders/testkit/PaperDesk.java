package com.sharewise.orders.testkit;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerCallback;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.market.Exchange;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Segment;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import com.sharewise.broker.paper.internal.PaperBrokerFactory;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.BrokerGateway;
import com.sharewise.orders.DirectBrokerGateway;
import com.sharewise.orders.ExecutionAlgorithms;
import com.sharewise.orders.KillSwitchCheck;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderIds;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.OrderStore;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PositionMirror;
import com.sharewise.orders.RiskFacts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The order path as a backtest runs it, with the real paper broker: {@link OrderService}, a journal
 * (memory unless given), {@link ScriptedRisk}, {@link TestQuotes}, a {@link ManualClock} and paper
 * accounts {@value #ACCOUNT} and {@value #OTHER_ACCOUNT}. Broker reports are handled on the calling
 * thread, so tests are deterministic.
 */
public final class PaperDesk implements AutoCloseable {

  public static final long ACCOUNT = 1;
  public static final long OTHER_ACCOUNT = 2;
  public static final InstrumentId INFY = new InstrumentId(Exchange.NSE, "INFY");
  public static final InstrumentId NIFTY_FUT = new InstrumentId(Exchange.NFO, "NIFTY25JANFUT");

  /** Monday 6 January 2025, 09:30 IST. */
  public static final Instant OPENING = Instant.parse("2025-01-06T04:00:00Z");

  private static final Map<InstrumentId, Instrument> INSTRUMENTS =
      Map.of(
          INFY,
          new Instrument(INFY, "408065", "INFOSYS", Segment.EQUITY, new BigDecimal("0.05"), 1, ""),
          NIFTY_FUT,
          new Instrument(
              NIFTY_FUT, "1", "NIFTY JAN FUT", Segment.FUTURES, new BigDecimal("0.05"), 50, ""));

  public final ManualClock clock = new ManualClock(OPENING);
  public final TestQuotes quotes = new TestQuotes(clock);
  public final ScriptedRisk risk = new ScriptedRisk();
  public final OrderStore store;
  public final Portfolio portfolio;
  public final BrokerGateway brokers;
  public final OrderService service;
  private volatile KillSwitchCheck killSwitch = KillSwitchCheck.NONE;

  /** A desk over a memory journal with paper state in {@code stateDirectory}. */
  public PaperDesk(Path stateDirectory) {
    this(stateDirectory, new MemoryOrderStore(), UnaryOperator.identity());
  }

  /**
   * A desk over {@code store}, its broker wrapped by {@code wrap} (to inject timeouts or count
   * calls).
   */
  public PaperDesk(Path stateDirectory, OrderStore store, UnaryOperator<BrokerAdapter> wrap) {
    this(stateDirectory, store, wrap, Runnable::run);
  }

  /**
   * A desk over {@code store} whose broker reports not taken with a placement's answer are handled
   * on {@code brokerEvents} (as a live node does, on threads of their own).
   */
  public PaperDesk(
      Path stateDirectory,
      OrderStore store,
      UnaryOperator<BrokerAdapter> wrap,
      Executor brokerEvents) {
    this.store = store;
    this.portfolio =
        new Portfolio(quotes, PositionMirror.NONE, id -> new BigDecimal("1000000"), clock);
    OrderService[] self = new OrderService[1];
    this.brokers =
        new DirectBrokerGateway(
            account -> wrap.apply(paper(account, stateDirectory, quotes, clock, self)));
    this.service =
        new OrderService(
            new OrderService.Dependencies(
                clock,
                new OrderIds(clock, new Random(7)),
                id -> Optional.ofNullable(INSTRUMENTS.get(id)),
                quotes,
                risk,
                (account, strategy) -> killSwitch.blocking(account, strategy),
                id ->
                    id == ACCOUNT || id == OTHER_ACCOUNT
                        ? Optional.of(new AccountDirectory.AccountInfo(id, id, "paper", true))
                        : Optional.empty(),
                store,
                brokers,
                portfolio,
                service -> ExecutionAlgorithms.NONE,
                brokerEvents,
                new RiskFacts(true),
                OrderService.Settings.DEFAULTS));
    self[0] = service;
  }

  public void killSwitch(KillSwitchCheck check) {
    this.killSwitch = check;
  }

  /** A DAY CNC order of {@link #ACCOUNT}. */
  public static OrderCommand order(
      String clientOrderId,
      InstrumentId instrument,
      OrderSide side,
      long quantity,
      OrderType type,
      BigDecimal limit) {
    return new OrderCommand(
        ACCOUNT,
        clientOrderId,
        instrument,
        side,
        quantity,
        type,
        limit,
        null,
        Product.CNC,
        Validity.DAY,
        Algorithm.DIRECT,
        Map.of(),
        "",
        "asha");
  }

  private static BrokerAdapter paper(
      long account, Path root, QuoteSource quotes, Clock clock, OrderService[] events) {
    PaperBrokerFactory factory = new PaperBrokerFactory();
    BrokerContext context =
        new BrokerContext() {
          @Override
          public AccountRef account() {
            return new AccountRef(Long.toString(account));
          }

          @Override
          public Parameters settings() {
            return Parameters.defaults(factory.descriptor().settings());
          }

          @Override
          public Clock clock() {
            return clock;
          }

          @Override
          public QuoteSource quotes() {
            return quotes;
          }

          @Override
          public Optional<Instrument> instrument(InstrumentId instrument) {
            return Optional.ofNullable(INSTRUMENTS.get(instrument));
          }

          @Override
          public BrokerCallback callback() {
            return new BrokerCallback() {
              @Override
              public void orderUpdated(OrderUpdate update) {
                events[0].orderUpdated(account, update);
              }

              @Override
              public void filled(Fill fill) {
                events[0].filled(account, fill);
              }

              @Override
              public void connectionChanged(boolean connected, String detail) {}
            };
          }

          @Override
          public Path stateDirectory() {
            return root.resolve(Long.toString(account));
          }
        };
    try {
      java.nio.file.Files.createDirectories(context.stateDirectory());
      BrokerAdapter adapter = factory.create(context);
      adapter.connect();
      return adapter;
    } catch (BrokerException | java.io.IOException e) {
      throw new IllegalStateException("cannot open the paper broker: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    brokers.close();
  }
}

package com.sharewise.backtest.internal;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.broker.BrokerCallback;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.PaperAccount;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.DirectBrokerGateway;
import com.sharewise.orders.KillSwitchCheck;
import com.sharewise.orders.MemoryOrderStore;
import com.sharewise.orders.OrderIds;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PositionMirror;
import com.sharewise.orders.RiskFacts;
import com.sharewise.orders.algo.AlgorithmEngine;
import com.sharewise.orders.algo.SimulatedScheduler;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.rules.RiskGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The order path as a backtest runs it: the live {@link OrderService} with an in-memory journal,
 * the real paper broker (from its plugin's factory, not forcing its journal to disk), the risk and
 * workflow rules, the execution algorithms on a {@link SimulatedScheduler}, no kill switches, and
 * every broker report handled on the backtest's own thread right after the call that caused it
 * ({@link #settle}). Only the collaborators differ from live trading, never the code.
 *
 * <p>Confined to the backtest's thread. {@link #close} closes the paper broker and deletes its
 * state directory.
 */
public final class Desk implements AutoCloseable {

  /** The paper broker's plugin id, as accounts name it. */
  public static final String PAPER = "paper";

  private final MemoryOrderStore store = new MemoryOrderStore();
  private final DeferredExecutor reports = new DeferredExecutor();
  private final DayOrders dayOrders = new DayOrders();
  private final Portfolio portfolio;
  private final DirectBrokerGateway brokers;
  private final OrderService service;
  private final SimulatedScheduler scheduler;
  private final AccountDirectory accounts;
  private final Path stateDirectory;

  /**
   * The collaborators a desk is built from.
   *
   * @param clock the simulated clock
   * @param quotes the backtest's quotes
   * @param instruments reference data (tick and lot sizes)
   * @param risk the risk and workflow rules
   * @param paper the paper broker's factory
   * @param volumes the intraday volume profile for VWAP
   * @param workDirectory where the paper broker's throw-away state directory goes
   * @param seed seeds the order ids
   */
  public record Parts(
      SimulatedClock clock,
      QuoteSource quotes,
      Function<InstrumentId, Optional<Instrument>> instruments,
      RiskGate risk,
      BrokerAdapterFactory paper,
      VolumeProfile volumes,
      Path workDirectory,
      long seed) {}

  /**
   * Opens a desk for {@code account}.
   *
   * @throws BacktestException.Invalid when a broker setting is unknown or out of range (field
   *     {@code brokerSettings.<name>})
   */
  public Desk(Parts parts, PaperAccount account) {
    Parameters settings = settings(parts.paper(), account);
    this.accounts =
        id ->
            id == account.accountId()
                ? Optional.of(
                    new AccountDirectory.AccountInfo(
                        account.accountId(), account.ownerId(), PAPER, true))
                : Optional.empty();
    this.portfolio =
        new Portfolio(
            parts.quotes(), PositionMirror.NONE, id -> account.initialCapital(), parts.clock());
    this.scheduler = new SimulatedScheduler(parts.clock());
    try {
      this.stateDirectory = Files.createTempDirectory(workDirectory(parts), "paper-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the paper broker's state directory", e);
    }
    OrderService[] events = new OrderService[1];
    this.brokers =
        new DirectBrokerGateway(
            id -> open(parts, new Context(parts, account, settings, events, stateDirectory)));
    this.service =
        new OrderService(
            new OrderService.Dependencies(
                parts.clock(),
                new OrderIds(parts.clock(), new SplittableRandom(parts.seed())),
                parts.instruments(),
                parts.quotes(),
                parts.risk(),
                KillSwitchCheck.NONE,
                accounts,
                store,
                brokers,
                portfolio,
                AlgorithmEngine.factory(
                    new AlgorithmEngine.Dependencies(
                        parts.clock(),
                        parts.instruments(),
                        parts.quotes(),
                        scheduler,
                        parts.volumes(),
                        scheduler)),
                reports,
                new RiskFacts(true),
                OrderService.Settings.DEFAULTS));
    events[0] = service;
    service.addListener(dayOrders);
  }

  private static Path workDirectory(Parts parts) throws IOException {
    return Files.createDirectories(parts.workDirectory());
  }

  /**
   * The paper broker's settings for {@code account}, checked against the broker's descriptor.
   *
   * @throws BacktestException.Invalid naming the setting ({@code brokerSettings.<name>})
   */
  public static Parameters settings(BrokerAdapterFactory paper, PaperAccount account) {
    Map<String, String> given = new LinkedHashMap<>(account.brokerSettings());
    // a backtest keeps its own results and throws the paper book away: journaling it (let alone
    // forcing each event to disk) is waste (a paper broker older than a setting simply journals)
    for (String setting : List.of("durable", "journal")) {
      if (paper.descriptor().settings().stream().anyMatch(s -> s.name().equals(setting))) {
        given.put(setting, "false");
      }
    }
    try {
      return Parameters.resolve(paper.descriptor().settings(), given);
    } catch (ParameterException e) {
      throw new BacktestException.Invalid(
          "brokerSettings." + e.parameter(), "broker setting " + e.getMessage(), e);
    }
  }

  private static BrokerAdapter open(Parts parts, BrokerContext context) {
    try {
      BrokerAdapter adapter = parts.paper().create(context);
      adapter.connect();
      return adapter;
    } catch (BrokerException e) {
      throw new IllegalStateException("the paper broker did not open: " + e.getMessage(), e);
    }
  }

  public OrderService orders() {
    return service;
  }

  public Portfolio portfolio() {
    return portfolio;
  }

  public AccountDirectory accounts() {
    return accounts;
  }

  /** Every order, in creation order. */
  public java.util.List<com.sharewise.orders.Order> journal() {
    return store.orders();
  }

  /** Runs what the execution algorithms scheduled for no later than now. */
  public void runDue() {
    scheduler.runDue();
    reports.drain();
  }

  /** A new session begins: DAY orders left from the last one expire, as at the exchange. */
  public void newSession() {
    dayOrders.expire(service);
    reports.drain();
  }

  /** Applies the broker reports (fills, state changes) that arrived since the last call. */
  public void settle() {
    reports.drain();
  }

  @Override
  public void close() {
    brokers.close();
    try (Stream<Path> files = Files.walk(stateDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(Desk::deleteQuietly);
    } catch (IOException e) {
      // a leftover temporary directory harms nothing; the next backtest makes its own
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // see close
    }
  }

  /**
   * What the paper broker gets: the simulated clock, the backtest's quotes, reports to the desk.
   */
  private record Context(
      Parts parts,
      PaperAccount paperAccount,
      Parameters settings,
      OrderService[] events,
      Path stateDirectory)
      implements BrokerContext {

    @Override
    public AccountRef account() {
      return new AccountRef(Long.toString(paperAccount.accountId()));
    }

    @Override
    public java.time.Clock clock() {
      return parts.clock();
    }

    @Override
    public QuoteSource quotes() {
      return parts.quotes();
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
      return parts.instruments().apply(instrument);
    }

    @Override
    public BrokerCallback callback() {
      long id = paperAccount.accountId();
      return new BrokerCallback() {
        @Override
        public void orderUpdated(OrderUpdate update) {
          events[0].orderUpdated(id, update);
        }

        @Override
        public void filled(Fill fill) {
          events[0].filled(id, fill);
        }

        @Override
        public void connectionChanged(boolean connected, String detail) {}
      };
    }
  }
}

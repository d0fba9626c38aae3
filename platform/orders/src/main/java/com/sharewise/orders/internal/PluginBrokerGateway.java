package com.sharewise.orders.internal;

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
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.orders.BrokerEvents;
import com.sharewise.orders.BrokerGateway;
import com.sharewise.orders.BrokerSession;
import com.sharewise.orders.OrderException;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brokers from plugins: one adapter per account, created from the {@link BrokerAdapterFactory}
 * whose descriptor id the account names, connected on first use, closed when its plugin goes away
 * (the next order then creates one from the new version).
 *
 * <p>Every adapter call runs on virtual threads of the adapter's own executor and is abandoned
 * after the broker timeout with {@code OUTCOME_UNKNOWN}, so a hung broker never holds an order
 * thread and never blocks another account.
 */
public final class PluginBrokerGateway implements BrokerGateway {

  private static final Logger LOG = LoggerFactory.getLogger(PluginBrokerGateway.class);

  private final PluginServices<BrokerAdapterFactory> factories;
  private final BrokerEvents events;
  private final QuoteSource quotes;
  private final Function<InstrumentId, Optional<Instrument>> instruments;
  private final LongFunction<Map<String, String>> settings;
  private final Path stateRoot;
  private final Clock clock;
  private final Duration timeout;
  private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
  private final PluginServiceListener<BrokerAdapterFactory> listener =
      new PluginServiceListener<>() {
        @Override
        public void removed(PluginService<BrokerAdapterFactory> service) {
          sessions.values().removeIf(s -> s.closeIfMadeBy(service.service()));
        }
      };

  /**
   * @param factories broker factories registered by plugins
   * @param events where adapters' reports go
   * @param quotes handed to adapters (the paper broker fills against them)
   * @param instruments reference data handed to adapters
   * @param settings an account's broker settings and credentials (decrypted), by account id
   * @param stateRoot parent of each account's private state directory
   * @param clock the platform clock, handed to adapters
   * @param timeout how long a broker call may take before its outcome counts as unknown
   */
  public PluginBrokerGateway(
      PluginServices<BrokerAdapterFactory> factories,
      BrokerEvents events,
      QuoteSource quotes,
      Function<InstrumentId, Optional<Instrument>> instruments,
      LongFunction<Map<String, String>> settings,
      Path stateRoot,
      Clock clock,
      Duration timeout) {
    this.factories = factories;
    this.events = events;
    this.quotes = quotes;
    this.instruments = instruments;
    this.settings = settings;
    this.stateRoot = stateRoot;
    this.clock = clock;
    this.timeout = timeout;
    factories.addListener(listener);
  }

  @Override
  public BrokerSession session(long accountId, String brokerId) {
    Session existing = sessions.get(accountId);
    if (existing != null && existing.open()) {
      return existing;
    }
    synchronized (this) {
      existing = sessions.get(accountId);
      if (existing != null && existing.open()) {
        return existing;
      }
      Session created = open(accountId, brokerId);
      sessions.put(accountId, created);
      return created;
    }
  }

  private Session open(long accountId, String brokerId) {
    BrokerAdapterFactory factory =
        factories.snapshot().stream()
            .map(PluginService::service)
            .filter(f -> f.descriptor().id().equals(brokerId))
            .findFirst()
            .orElseThrow(
                () ->
                    new OrderException(
                        OrderException.Reason.UNAVAILABLE,
                        "broker plugin '" + brokerId + "' is not installed or not started"));
    Parameters parameters;
    try {
      parameters = Parameters.resolve(factory.descriptor().settings(), settings.apply(accountId));
    } catch (ParameterException e) {
      throw new OrderException(
          OrderException.Reason.UNAVAILABLE,
          "account " + accountId + " has invalid " + brokerId + " settings: " + e.getMessage(),
          e);
    }
    Path state = stateRoot.resolve(Long.toString(accountId));
    try {
      Files.createDirectories(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create broker state directory " + state, e);
    }
    Context context = new Context(accountId, parameters, state);
    ExecutorService executor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("broker-" + brokerId + "-" + accountId + "-", 0).factory());
    Session session = new Session(brokerId, factory, executor);
    try {
      BrokerAdapter adapter = session.call(() -> factory.create(context));
      session.adapter = adapter;
      session.call(
          () -> {
            adapter.connect();
            return null;
          });
    } catch (BrokerException e) {
      session.close();
      throw new OrderException(
          OrderException.Reason.UNAVAILABLE,
          "cannot connect account " + accountId + " to " + brokerId + ": " + e.getMessage(),
          e);
    }
    LOG.atInfo()
        .addKeyValue("account", accountId)
        .addKeyValue("broker", brokerId)
        .log("broker session opened");
    return session;
  }

  @Override
  public void close() {
    factories.removeListener(listener);
    sessions.values().forEach(Session::close);
    sessions.clear();
  }

  /** One account's adapter and executor. */
  private final class Session implements BrokerSession {
    private final String brokerId;
    private final BrokerAdapterFactory factory;
    private final ExecutorService executor;
    private volatile BrokerAdapter adapter;
    private volatile boolean closed;

    Session(String brokerId, BrokerAdapterFactory factory, ExecutorService executor) {
      this.brokerId = brokerId;
      this.factory = factory;
      this.executor = executor;
    }

    boolean open() {
      return !closed;
    }

    boolean closeIfMadeBy(BrokerAdapterFactory gone) {
      if (factory == gone) {
        close();
        return true;
      }
      return false;
    }

    @Override
    public String brokerId() {
      return brokerId;
    }

    @Override
    public OrderUpdate place(OrderRequest request) throws BrokerException {
      return call(() -> adapter.placeOrder(request));
    }

    @Override
    public OrderUpdate modify(
        String clientOrderId, String brokerOrderId, OrderModification modification)
        throws BrokerException {
      return call(() -> adapter.modifyOrder(clientOrderId, brokerOrderId, modification));
    }

    @Override
    public OrderUpdate cancel(String clientOrderId, String brokerOrderId) throws BrokerException {
      return call(() -> adapter.cancelOrder(clientOrderId, brokerOrderId));
    }

    @Override
    public List<OrderUpdate> orderBook() throws BrokerException {
      return call(() -> adapter.orderBook());
    }

    @Override
    public List<Fill> tradeBook() throws BrokerException {
      return call(() -> adapter.tradeBook());
    }

    <T> T call(Callable<T> work) throws BrokerException {
      if (closed) {
        throw new BrokerException(
            BrokerException.Reason.UNAVAILABLE, "the " + brokerId + " session was closed");
      }
      Future<T> future = executor.submit(work);
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw new BrokerException(
            BrokerException.Reason.OUTCOME_UNKNOWN,
            brokerId + " did not answer within " + timeout.toMillis() + " ms",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException(
            BrokerException.Reason.OUTCOME_UNKNOWN, "interrupted while waiting for " + brokerId, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BrokerException broker) {
          throw broker;
        }
        throw new BrokerException(
            BrokerException.Reason.OUTCOME_UNKNOWN,
            brokerId + " adapter failed: " + e.getCause(),
            e.getCause());
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      BrokerAdapter a = adapter;
      if (a != null) {
        try {
          a.close();
        } catch (RuntimeException e) {
          LOG.atWarn().setCause(e).log(brokerId + " adapter failed to close");
        }
      }
      executor.shutdownNow();
    }
  }

  /** What an adapter gets: its account, settings, the clock, quotes and a callback. */
  private final class Context implements BrokerContext, BrokerCallback {
    private final long accountId;
    private final Parameters parameters;
    private final Path state;

    Context(long accountId, Parameters parameters, Path state) {
      this.accountId = accountId;
      this.parameters = parameters;
      this.state = state;
    }

    @Override
    public AccountRef account() {
      return new AccountRef(Long.toString(accountId));
    }

    @Override
    public Parameters settings() {
      return parameters;
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
      return instruments.apply(instrument);
    }

    @Override
    public BrokerCallback callback() {
      return this;
    }

    @Override
    public Path stateDirectory() {
      return state;
    }

    @Override
    public void orderUpdated(OrderUpdate update) {
      events.orderUpdated(accountId, update);
    }

    @Override
    public void filled(Fill fill) {
      events.filled(accountId, fill);
    }

    @Override
    public void connectionChanged(boolean connected, String detail) {
      events.connectionChanged(accountId, connected, detail);
    }
  }
}

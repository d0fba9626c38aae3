package com.sharewise.orders;

import static com.sharewise.store.jooq.Tables.ACCOUNT_CASH;

import com.hazelcast.core.HazelcastInstance;
import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.broker.BrokerDescriptor;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.audit.AuditTrail;
import com.sharewise.orders.internal.GridPositionMirror;
import com.sharewise.orders.internal.PluginBrokerGateway;
import com.sharewise.orders.internal.PostgresOrderStore;
import com.sharewise.orders.internal.SecurityAccounts;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.rules.RiskGate;
import com.sharewise.security.Accounts;
import com.sharewise.security.Users;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order area of a live node: the journal in PostgreSQL, brokers from plugins, positions shared
 * on the grid, kill switches, and a reconciler for orders of unknown outcome. Built by {@link
 * #start}; closed with the node.
 */
public final class Orders implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

  private final OrderService service;
  private final Portfolio portfolio;
  private final KillSwitches killSwitches;
  private final OrderStore store;
  private final BrokerGateway brokers;
  private final PluginServices<BrokerAdapterFactory> factories;
  private final ScheduledExecutorService reconciler;
  private final ExecutorService brokerEvents;
  private final Accounts accounts;
  private final Users users;
  private final RiskGate risk;

  private Orders(Builder b) {
    this.service = b.service;
    this.portfolio = b.portfolio;
    this.killSwitches = b.killSwitches;
    this.store = b.store;
    this.brokers = b.brokers;
    this.factories = b.factories;
    this.reconciler = b.reconciler;
    this.brokerEvents = b.brokerEvents;
    this.accounts = b.accounts;
    this.users = b.users;
    this.risk = b.risk;
  }

  /** Everything a node hands the order area. */
  public record Parts(
      DSLContext dsl,
      Clock clock,
      HazelcastInstance grid,
      AuditTrail audit,
      PluginHost plugins,
      QuoteSource quotes,
      Function<InstrumentId, Optional<Instrument>> instruments,
      RiskGate risk,
      Accounts accounts,
      Users users,
      Function<OrderService, ExecutionAlgorithms> algorithms) {}

  private static final class Builder {
    OrderService service;
    Portfolio portfolio;
    KillSwitches killSwitches;
    OrderStore store;
    BrokerGateway brokers;
    PluginServices<BrokerAdapterFactory> factories;
    ScheduledExecutorService reconciler;
    ExecutorService brokerEvents;
    Accounts accounts;
    Users users;
    RiskGate risk;
  }

  /** Builds the area, replays the journal and starts reconciling. */
  public static Orders start(OrdersConfig config, Parts parts) {
    Builder b = new Builder();
    b.accounts = parts.accounts();
    b.users = parts.users();
    b.risk = parts.risk();
    b.store = new PostgresOrderStore(parts.dsl(), parts.clock());
    b.killSwitches = new KillSwitches(parts.dsl(), parts.audit(), parts.clock(), parts.grid());
    Map<Long, BigDecimal> cash = new ConcurrentHashMap<>();
    b.portfolio =
        new Portfolio(
            parts.quotes(),
            new GridPositionMirror(parts.grid()),
            id -> cash.computeIfAbsent(id, k -> openingCash(parts.dsl(), k, config)),
            parts.clock());
    b.brokerEvents =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("broker-event-", 0).factory());
    b.factories = parts.plugins().track(BrokerAdapterFactory.class);
    BrokerEventRelay relay = new BrokerEventRelay();
    b.brokers =
        new PluginBrokerGateway(
            b.factories,
            relay,
            parts.quotes(),
            parts.instruments(),
            parts.accounts()::credentials,
            config.brokerStateDirectory(),
            parts.clock(),
            config.brokerTimeout());
    b.service =
        new OrderService(
            new OrderService.Dependencies(
                parts.clock(),
                new OrderIds(parts.clock(), new SecureRandom()),
                parts.instruments(),
                parts.quotes(),
                parts.risk(),
                b.killSwitches,
                new SecurityAccounts(parts.accounts()),
                b.store,
                b.brokers,
                b.portfolio,
                parts.algorithms(),
                b.brokerEvents,
                new RiskFacts(false),
                new OrderService.Settings(config.replayDays(), 3)));
    relay.target = b.service;
    OrderService service = b.service;
    b.killSwitches.onEngaged(
        state ->
            b.brokerEvents.execute(
                () -> {
                  int cancelled =
                      service.cancelWorking(
                          o -> covers(state, o),
                          state.changedBy(),
                          "kill switch: " + state.reason());
                  LOG.atWarn()
                      .addKeyValue("scope", state.scope())
                      .addKeyValue("target", state.target())
                      .addKeyValue("cancelled", cancelled)
                      .log("kill switch engaged");
                }));
    List<Order> working = service.recover();
    b.reconciler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-reconciler").daemon(true).factory());
    b.reconciler.execute(() -> reconcileQuietly(service, working));
    long every = config.reconcileInterval().toMillis();
    b.reconciler.scheduleWithFixedDelay(
        () -> reconcileQuietly(service, service.uncertain()), every, every, TimeUnit.MILLISECONDS);
    return new Orders(b);
  }

  private static boolean covers(KillSwitches.State state, Order order) {
    return switch (state.scope()) {
      case GLOBAL -> true;
      case ACCOUNT -> Long.toString(order.accountId()).equals(state.target());
      case STRATEGY -> order.strategyId().equals(state.target());
    };
  }

  private static void reconcileQuietly(OrderService service, List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    try {
      int changed = service.reconcile(orders);
      LOG.atInfo()
          .addKeyValue("orders", orders.size())
          .addKeyValue("changed", changed)
          .log("orders reconciled with their brokers");
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("reconciliation failed; retrying at the next interval");
    }
  }

  private static BigDecimal openingCash(DSLContext dsl, long accountId, OrdersConfig config) {
    return dsl.select(ACCOUNT_CASH.OPENING)
        .from(ACCOUNT_CASH)
        .where(ACCOUNT_CASH.ACCOUNT_ID.eq(accountId))
        .fetchOptional(ACCOUNT_CASH.OPENING)
        .orElse(config.openingCash());
  }

  /** Lets the gateway exist before the service it reports to. */
  private static final class BrokerEventRelay implements BrokerEvents {
    private volatile BrokerEvents target;

    @Override
    public void orderUpdated(long accountId, com.sharewise.api.trading.OrderUpdate update) {
      target.orderUpdated(accountId, update);
    }

    @Override
    public void filled(long accountId, com.sharewise.api.trading.Fill fill) {
      target.filled(accountId, fill);
    }

    @Override
    public void connectionChanged(long accountId, boolean connected, String detail) {
      target.connectionChanged(accountId, connected, detail);
    }
  }

  public OrderService service() {
    return service;
  }

  public Portfolio portfolio() {
    return portfolio;
  }

  public KillSwitches killSwitches() {
    return killSwitches;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Users users() {
    return users;
  }

  /** The descriptors of the broker plugins installed now, by id. */
  public Map<String, BrokerDescriptor> brokers() {
    Map<String, BrokerDescriptor> installed = new TreeMap<>();
    for (PluginService<BrokerAdapterFactory> plugin : factories.snapshot()) {
      BrokerDescriptor descriptor = plugin.service().descriptor();
      installed.put(descriptor.id(), descriptor);
    }
    return installed;
  }

  /** The rules that judged the orders (their decisions explain each order). */
  public RiskGate risk() {
    return risk;
  }

  @Override
  public void close() {
    reconciler.shutdownNow();
    killSwitches.close();
    brokers.close();
    factories.close();
    brokerEvents.shutdown();
    try {
      brokerEvents.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}

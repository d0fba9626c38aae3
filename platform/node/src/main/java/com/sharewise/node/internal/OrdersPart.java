package com.sharewise.node.internal;

import com.sharewise.api.market.QuoteSource;
import com.sharewise.audit.AuditTrail;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.orders.ExecutionAlgorithms;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Orders;
import com.sharewise.orders.OrdersConfig;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.algo.AlgorithmEngine;
import com.sharewise.orders.algo.BarVolumeProfile;
import com.sharewise.orders.algo.ExecutorAlgoScheduler;
import com.sharewise.orders.rest.AccountResource;
import com.sharewise.orders.rest.KillSwitchResource;
import com.sharewise.orders.rest.OrderResource;
import com.sharewise.orders.rest.OrderStreams;
import com.sharewise.orders.rest.PortfolioResource;
import com.sharewise.orders.rest.PositionResource;
import com.sharewise.orders.rest.TradeResource;
import com.sharewise.rules.RiskGate;
import com.sharewise.security.Security;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.ws.WebSocketHub;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Wires the order area: the journal, brokers from plugins, the portfolio, kill switches, the order,
 * position, portfolio, trade, account and kill-switch resources, and the per-account WebSocket
 * channels. Publishes {@link OrderService} and {@link Portfolio} for the strategy area.
 */
public final class OrdersPart implements NodePart {

  public static final Setting BROKER_TIMEOUT =
      new Setting(
          "orders.brokerTimeoutMillis",
          "SHAREWISE_ORDERS_BROKER_TIMEOUT_MILLIS",
          "5000",
          false,
          "longest wait for a broker call; after it the order is UNKNOWN and reconciled");
  public static final Setting RECONCILE_INTERVAL =
      new Setting(
          "orders.reconcileIntervalMillis",
          "SHAREWISE_ORDERS_RECONCILE_INTERVAL_MILLIS",
          "2000",
          false,
          "how often orders of unknown outcome are looked up in their broker's order book");
  public static final Setting OPENING_CASH =
      new Setting(
          "orders.openingCash",
          "SHAREWISE_ORDERS_OPENING_CASH",
          "1000000",
          false,
          "cash in rupees an account starts with (paper trading) unless set for the account");
  public static final Setting REPLAY_DAYS =
      new Setting(
          "orders.replayDays",
          "SHAREWISE_ORDERS_REPLAY_DAYS",
          "2",
          false,
          "days of finished orders kept in memory after a restart (older ones are read from disk)");

  public static final List<Setting> SETTINGS =
      List.of(BROKER_TIMEOUT, RECONCILE_INTERVAL, OPENING_CASH, REPLAY_DAYS);

  private final Orders orders;
  private final ScheduledExecutorService algoThread;

  private OrdersPart(Orders orders, ScheduledExecutorService algoThread) {
    this.orders = orders;
    this.algoThread = algoThread;
  }

  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    OrdersConfig config =
        new OrdersConfig(
            context.config().dataDirectory().resolve("brokers"),
            Duration.ofMillis(settings.integer(BROKER_TIMEOUT, 50, 600_000)),
            Duration.ofMillis(settings.integer(RECONCILE_INTERVAL, 100, 3_600_000)),
            BigDecimal.valueOf(settings.decimal(OPENING_CASH, 0, 1e13)),
            settings.integer(REPLAY_DAYS, 0, 3650));
    InstrumentMaster instruments = context.require(InstrumentMaster.class);
    Security security = context.require(Security.class);
    ScheduledExecutorService algoThread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-algorithms").daemon(true).factory());
    Function<OrderService, ExecutionAlgorithms> algorithms =
        AlgorithmEngine.factory(
            new AlgorithmEngine.Dependencies(
                context.clock(),
                instruments::find,
                context.require(QuoteSource.class),
                new ExecutorAlgoScheduler(algoThread, context.clock()),
                new BarVolumeProfile(context.require(BarHistory.class), context.clock()),
                algoThread));
    Orders orders =
        Orders.start(
            config,
            new Orders.Parts(
                context.store().dsl(),
                context.clock(),
                context.grid().hazelcast(),
                context.require(AuditTrail.class),
                context.plugins(),
                context.require(QuoteSource.class),
                instruments::find,
                context.require(RiskGate.class),
                security.accounts(),
                security.users(),
                algorithms));
    WebSocketHub streams = context.require(WebSocketHub.class);
    OrderStreams.channels().forEach(streams::register);
    orders.service().addListener(new OrderStreams(streams, orders.portfolio()));
    context.publish(Orders.class, orders);
    context.publish(OrderService.class, orders.service());
    context.publish(Portfolio.class, orders.portfolio());
    return new OrdersPart(orders, algoThread);
  }

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public List<Object> apiComponents() {
    return List.of(
        new OrderResource(orders),
        new PositionResource(orders),
        new PortfolioResource(orders),
        new TradeResource(orders),
        new AccountResource(orders),
        new KillSwitchResource(orders));
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        HealthCheck.of(
            "orders",
            () -> {
              Map<String, Object> data = new LinkedHashMap<>();
              int uncertain = orders.service().uncertain().size();
              data.put("unknownOutcome", uncertain);
              boolean globalKill =
                  orders.killSwitches().list().stream()
                      .anyMatch(s -> s.engaged() && s.scope().name().equals("GLOBAL"));
              data.put("globalKillSwitch", globalKill);
              return new HealthCheck.Result(
                  true,
                  (globalKill ? "global kill switch engaged; " : "")
                      + (uncertain == 0
                          ? "every order's state is known"
                          : uncertain + " orders of unknown outcome being reconciled"),
                  data);
            }));
  }

  @Override
  public void close() {
    if (orders.service().algorithms() instanceof AutoCloseable engine) {
      try {
        engine.close();
      } catch (Exception e) {
        throw new IllegalStateException("execution algorithms did not stop: " + e.getMessage(), e);
      }
    }
    orders.close();
    algoThread.shutdownNow();
  }
}

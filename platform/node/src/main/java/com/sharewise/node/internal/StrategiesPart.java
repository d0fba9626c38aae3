package com.sharewise.node.internal;

import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.audit.AuditTrail;
import com.sharewise.marketdata.BarEvents;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Portfolio;
import com.sharewise.pluginhost.PluginEvent;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginListener;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.pluginhost.PluginState;
import com.sharewise.rules.SignalGate;
import com.sharewise.security.Accounts;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.ws.WebSocketHub;
import com.sharewise.strategies.LiveSignalFacts;
import com.sharewise.strategies.SignalRouter;
import com.sharewise.strategies.StrategiesConfig;
import com.sharewise.strategies.StrategyRuntime;
import com.sharewise.strategies.rest.SignalStreams;
import com.sharewise.strategies.rest.StrategyResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the strategy area: the live {@link StrategyRuntime} over strategy plugins, closed bars and
 * stored history, its signals routed through the signal rules into the order path, streamed on the
 * per-account {@code signals} channel, and the {@code /strategies} resources. Publishes the runtime
 * and the {@link SignalRouter} (backtests build their own over an in-memory order path).
 */
public final class StrategiesPart implements NodePart {

  public static final Setting TIME_BUDGET =
      new Setting(
          "strategies.timeBudgetMillis",
          "SHAREWISE_STRATEGIES_TIME_BUDGET_MILLIS",
          "50",
          false,
          "longest a strategy may take for one bar before its instance is paused (1-60000 ms)");
  public static final Setting HISTORY_BARS =
      new Setting(
          "strategies.historyBars",
          "SHAREWISE_STRATEGIES_HISTORY_BARS",
          "500",
          false,
          "bars of history per instrument and timeframe loaded before an instance starts (0-10000)");

  public static final List<Setting> SETTINGS = List.of(TIME_BUDGET, HISTORY_BARS);

  private final StrategyRuntime runtime;
  private final PluginServices<StrategyFactory> factories;
  private final PluginListener pluginListener;
  private final PluginHost plugins;
  private final Accounts accounts;

  private StrategiesPart(
      StrategyRuntime runtime,
      PluginServices<StrategyFactory> factories,
      PluginListener pluginListener,
      PluginHost plugins,
      Accounts accounts) {
    this.runtime = runtime;
    this.factories = factories;
    this.pluginListener = pluginListener;
    this.plugins = plugins;
    this.accounts = accounts;
  }

  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    int historyBars = settings.integer(HISTORY_BARS, 0, 10_000);
    StrategiesConfig config =
        new StrategiesConfig(
            Duration.ofMillis(settings.integer(TIME_BUDGET, 1, 60_000)),
            historyBars,
            Math.max(2 * historyBars, StrategiesConfig.DEFAULTS.maximumBarCount()),
            StrategiesConfig.DEFAULTS.maxQueuedBars());
    InstrumentMaster instruments = context.require(InstrumentMaster.class);
    Accounts accounts = context.require(Accounts.class);
    AccountDirectory directory =
        id ->
            accounts
                .find(id)
                .map(
                    a ->
                        new AccountDirectory.AccountInfo(
                            a.id(), a.ownerId(), a.brokerPluginId(), true));
    SignalRouter router =
        new SignalRouter(
            context.require(SignalGate.class),
            context.require(OrderService.class),
            instruments::find,
            new LiveSignalFacts(
                directory,
                context.require(QuoteSource.class),
                context.require(Portfolio.class),
                context.clock(),
                false));
    WebSocketHub streams = context.require(WebSocketHub.class);
    streams.register(SignalStreams.channel());
    PluginServices<StrategyFactory> factories = context.plugins().track(StrategyFactory.class);
    StrategyRuntime runtime;
    try {
      runtime =
          StrategyRuntime.start(
              config,
              new StrategyRuntime.Dependencies(
                  context.store().dsl(),
                  context.clock(),
                  context.require(AuditTrail.class),
                  factories,
                  context.require(BarEvents.class),
                  context.require(BarHistory.class),
                  instruments::find,
                  router,
                  new SignalStreams(streams)));
    } catch (RuntimeException e) {
      factories.close();
      throw e;
    }
    // a removed plugin's waiting instances are paused; an update re-registers its factory instead
    PluginListener pluginListener =
        event -> {
          if (event.type() == PluginEvent.Type.UNINSTALLED
              || (event.type() == PluginEvent.Type.FAILED
                  && event.plugin().state() != PluginState.ACTIVE)) {
            runtime.pluginRemoved(event.plugin().id());
          }
        };
    context.plugins().addListener(pluginListener);
    context.publish(StrategyRuntime.class, runtime);
    context.publish(SignalRouter.class, router);
    return new StrategiesPart(runtime, factories, pluginListener, context.plugins(), accounts);
  }

  @Override
  public String name() {
    return "strategies";
  }

  @Override
  public List<Object> apiComponents() {
    return List.of(new StrategyResource(runtime, accounts));
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        HealthCheck.of(
            "strategies",
            () -> {
              StrategyRuntime.Health health = runtime.health();
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("running", health.running());
              data.put("starting", health.starting());
              data.put("waiting", health.waiting());
              data.put("paused", health.paused());
              data.put("stopped", health.stopped());
              data.put("pausedByErrors", health.failed());
              String detail =
                  health.running()
                      + " running, "
                      + health.starting()
                      + " starting, "
                      + health.waiting()
                      + " waiting for their plugin, "
                      + health.paused()
                      + " paused"
                      + (health.failed().isEmpty()
                          ? ""
                          : " (" + health.failed().size() + " by an error: see pausedByErrors)");
              // a paused instance is the trader's to look at; the node still serves
              return HealthCheck.Result.up(detail, data);
            }));
  }

  @Override
  public void close() {
    plugins.removeListener(pluginListener);
    runtime.close();
    factories.close();
  }
}

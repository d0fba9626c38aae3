package com.sharewise.node.internal;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.EngineSettings;
import com.sharewise.backtest.rest.BacktestResource;
import com.sharewise.backtest.runs.Backtests;
import com.sharewise.backtest.runs.Optimisations;
import com.sharewise.backtest.runs.StrategyCatalog;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.orders.algo.BarVolumeProfile;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.SignalGate;
import com.sharewise.security.Security;
import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.WebSocketHub;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Wires backtests: the {@link Backtests} service (runs on a bounded pool through the node's own
 * signal and risk rules, strategy plugins and paper broker plugin, over stored bars), the {@link
 * Optimisations} service (all cores), the {@code /backtests} resources and the {@code backtests}
 * WebSocket channel, which only a run's owner, risk officers and admins may follow.
 */
public final class BacktestsPart implements NodePart {

  public static final Setting THREADS =
      new Setting(
          "backtests.threads",
          "SHAREWISE_BACKTESTS_THREADS",
          "1",
          false,
          "backtests run at once (1-64); each uses one core");
  public static final Setting QUEUE =
      new Setting(
          "backtests.queue",
          "SHAREWISE_BACKTESTS_QUEUE",
          "50",
          false,
          "backtests that may wait to run (1-10000); beyond it submissions get 503");
  public static final Setting MAX_BARS =
      new Setting(
          "backtests.maxBars",
          "SHAREWISE_BACKTESTS_MAX_BARS",
          "5000000",
          false,
          "most bars of one instrument one backtest may replay (1000-50000000)");
  public static final Setting OPTIMISATION_THREADS =
      new Setting(
          "backtests.optimisationThreads",
          "SHAREWISE_BACKTESTS_OPTIMISATION_THREADS",
          "0",
          false,
          "backtests an optimisation runs at once (0 = every core)");
  public static final Setting TIME_BUDGET =
      new Setting(
          "backtests.timeBudgetMillis",
          "SHAREWISE_BACKTESTS_TIME_BUDGET_MILLIS",
          "10000",
          false,
          "longest a strategy may take for one bar in a backtest before the run fails (0 = none);"
              + " wall time, so keep it far above a GC pause: it only stops runaway strategies");

  public static final List<Setting> SETTINGS =
      List.of(THREADS, QUEUE, MAX_BARS, OPTIMISATION_THREADS, TIME_BUDGET);

  /** Backtest ids ({@code B…}) and optimisation ids ({@code O…}): 17 letters and digits. */
  private static final Pattern ID = Pattern.compile("[BO][0-9A-Z]{16}");

  private final Backtests backtests;
  private final Optimisations optimisations;
  private final Security security;
  private final PluginServices<StrategyFactory> strategies;
  private final PluginServices<BrokerAdapterFactory> brokers;

  private BacktestsPart(
      Backtests backtests,
      Optimisations optimisations,
      Security security,
      PluginServices<StrategyFactory> strategies,
      PluginServices<BrokerAdapterFactory> brokers) {
    this.backtests = backtests;
    this.optimisations = optimisations;
    this.security = security;
    this.strategies = strategies;
    this.brokers = brokers;
  }

  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    int cores = Runtime.getRuntime().availableProcessors();
    int optimisationThreads = settings.integer(OPTIMISATION_THREADS, 0, 1024);
    EngineSettings engine =
        new EngineSettings(
            EngineSettings.DEFAULTS.maximumBarCount(),
            Duration.ofMillis(settings.integer(TIME_BUDGET, 0, 600_000)),
            0,
            EngineSettings.DEFAULTS.seed(),
            EngineSettings.DEFAULTS.progressEvery());
    InstrumentMaster instruments = context.require(InstrumentMaster.class);
    BarHistory history = context.require(BarHistory.class);
    Security security = context.require(Security.class);
    WebSocketHub streams = context.require(WebSocketHub.class);
    PluginServices<StrategyFactory> strategies = context.plugins().track(StrategyFactory.class);
    PluginServices<BrokerAdapterFactory> brokers =
        context.plugins().track(BrokerAdapterFactory.class);
    Backtests backtests =
        new Backtests(
            new Backtests.Parts(
                context.store().dsl(),
                context.clock(),
                history,
                catalog(strategies),
                () -> paper(brokers),
                instruments::find,
                new BacktestGates(
                    context.require(SignalGate.class), context.require(RiskGate.class)),
                streams,
                context.config().dataDirectory().resolve("backtests")),
            new Backtests.Settings(
                settings.integer(THREADS, 1, 64),
                settings.integer(QUEUE, 1, 10_000),
                settings.integer(MAX_BARS, 1_000, 50_000_000),
                engine,
                new BarVolumeProfile(history, context.clock())));
    Optimisations optimisations =
        new Optimisations(
            backtests,
            context.store().dsl(),
            context.clock(),
            streams,
            optimisationThreads == 0 ? cores : optimisationThreads);
    streams.register(
        new StreamChannel(
            Backtests.CHANNEL,
            key -> {
              String id = key.trim().toUpperCase(java.util.Locale.ROOT);
              if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                    "key must be a backtest or optimisation id (B… or O…, 17 characters), got '"
                        + key
                        + "'");
              }
              return id;
            },
            false));
    // the default authorizer, plus who owns each backtest and optimisation
    StreamAuthorizer authorizer = new StreamAuthorizer(security.users(), security.accounts());
    authorizer.ownedKeys(
        Backtests.CHANNEL,
        id -> id.startsWith("O") ? optimisations.ownerOf(id) : backtests.ownerOf(id));
    streams.setSubscriptionAuthorizer(authorizer);
    context.publish(Backtests.class, backtests);
    return new BacktestsPart(backtests, optimisations, security, strategies, brokers);
  }

  private static StrategyCatalog catalog(PluginServices<StrategyFactory> factories) {
    return new StrategyCatalog() {
      @Override
      public Optional<StrategyFactory> find(String id) {
        return factories.snapshot().stream()
            .map(PluginService::service)
            .filter(f -> f.descriptor().id().equals(id))
            .findFirst();
      }

      @Override
      public List<String> ids() {
        return factories.snapshot().stream()
            .map(s -> s.service().descriptor().id())
            .distinct()
            .sorted()
            .toList();
      }
    };
  }

  private static Optional<BrokerAdapterFactory> paper(PluginServices<BrokerAdapterFactory> all) {
    return all.snapshot().stream()
        .map(PluginService::service)
        .filter(f -> f.descriptor().id().equals("paper"))
        .findFirst();
  }

  @Override
  public String name() {
    return "backtests";
  }

  @Override
  public List<Object> apiComponents() {
    return List.of(new BacktestResource(backtests, optimisations, security.accounts()));
  }

  @Override
  public void close() {
    optimisations.close();
    backtests.close();
    strategies.close();
    brokers.close();
  }
}

package com.sharewise.strategies;

import static com.sharewise.strategies.TestBars.FALL_RISE_FALL;
import static com.sharewise.strategies.TestBars.INFY;
import static com.sharewise.strategies.TestBars.TCS;
import static com.sharewise.strategies.TestBars.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyDescriptor;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.audit.AuditTrail;
import com.sharewise.orders.Order;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import com.sharewise.strategies.StrategyException.Reason;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live runtime over PostgreSQL with a real strategy plugin class, the real order path in
 * memory, and market data and plugins a test drives.
 */
class StrategyRuntimeIT {

  private static final String SMA = "sma-crossover";
  private static final Map<String, String> FAST_2_SLOW_4 = Map.of("fast", "2", "slow", "4");

  @TempDir static Path data;
  private static Store store;

  private final OrderDesk desk = new OrderDesk();
  private final ScriptedSignalGate gate = new ScriptedSignalGate();
  private final FakePlugins plugins = new FakePlugins();
  private final List<StoredSignal> streamed = new CopyOnWriteArrayList<>();
  private final List<StrategyRuntime> started = new ArrayList<>();
  private FakeBars bars = new FakeBars();
  private PluginService<StrategyFactory> smaPlugin;

  @BeforeAll
  static void open() {
    store = Store.open(StoreConfig.embedded(data));
    store
        .dsl()
        .execute(
            "insert into app_user (id, username, password_hash, created_at, updated_at)"
                + " values (1, 'asha', 'x', now(), now())");
    store
        .dsl()
        .execute(
            "insert into account (id, owner_id, broker_plugin_id, name, created_at, updated_at)"
                + " values (7, 1, 'fake', 'paper', now(), now())");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @BeforeEach
  void empty() {
    store.dsl().execute("delete from strategy_signal");
    store.dsl().execute("delete from strategy_instance");
    smaPlugin =
        plugins.install(
            "com.sharewise.strategy.smacrossover", "1.0.0", new SmaCrossoverStrategyFactory());
  }

  @AfterEach
  void stop() {
    started.forEach(StrategyRuntime::close);
  }

  private StrategyRuntime runtime() {
    return runtime(new StrategiesConfig(Duration.ofSeconds(5), 500, 1000, 1000));
  }

  private StrategyRuntime runtime(StrategiesConfig config) {
    StrategyRuntime runtime =
        StrategyRuntime.start(
            config,
            new StrategyRuntime.Dependencies(
                store.dsl(),
                desk.clock,
                new AuditTrail(store.dsl(), desk.clock),
                plugins,
                bars,
                bars,
                id -> Optional.ofNullable(OrderDesk.INSTRUMENTS.get(id)),
                new SignalRouter(
                    gate,
                    desk.service,
                    id -> Optional.ofNullable(OrderDesk.INSTRUMENTS.get(id)),
                    SignalFacts.NONE),
                streamed::add));
    started.add(runtime);
    return runtime;
  }

  private static InstanceSpec sma(Map<String, String> parameters) {
    return new InstanceSpec(OrderDesk.ACCOUNT, "", SMA, List.of(INFY), Timeframe.M5, parameters);
  }

  /** The SMA crossover with its defaults on these instruments. */
  private static InstanceSpec smaOn(String... instruments) {
    return new InstanceSpec(
        OrderDesk.ACCOUNT,
        "",
        SMA,
        Stream.of(instruments).map(com.sharewise.api.market.InstrumentId::parse).toList(),
        Timeframe.M5,
        Map.of());
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String status(StrategyRuntime runtime, String id) {
    return runtime.find(id).orElseThrow().status();
  }

  @Test
  void aRunningInstanceWarmsUpFromHistoryAndItsSignalBecomesAnOrder() {
    List<Bar> all = bars(INFY, 0, FALL_RISE_FALL);
    bars.store(all.subList(0, 7));
    StrategyRuntime runtime = runtime();

    InstanceView created = runtime.create("asha", sma(FAST_2_SLOW_4), true);
    eventually("it runs", () -> status(runtime, created.id()).equals("RUNNING"));
    bars.close(all.get(7));
    eventually("the signal is stored", () -> !runtime.signals(created.id(), null, 10).isEmpty());

    StoredSignal signal = runtime.signals(created.id(), null, 10).get(0);
    assertThat(signal.action()).isEqualTo(SignalAction.ENTER_LONG);
    assertThat(signal.time()).isEqualTo(all.get(7).endTime());
    assertThat(signal.reason()).isEqualTo("SMA(2) crossed above SMA(4)");
    assertThat(signal.attributes()).containsEntry("fastSma", "17");
    assertThat(signal.outcome()).isEqualTo(RoutedSignal.Outcome.ORDERED);
    Order order = desk.service.find(signal.orderId()).orElseThrow();
    assertThat(order.strategyId()).isEqualTo(created.id());
    assertThat(order.createdBy()).isEqualTo("strategy:" + created.id());
    assertThat(streamed).extracting(StoredSignal::id).containsExactly(signal.id());
    InstanceView view = runtime.find(created.id()).orElseThrow();
    assertThat(view.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(view.pluginVersion()).isEqualTo("1.0.0");
    assertThat(view.parameters()).containsEntry("fast", "2").containsEntry("slow", "4");
    assertThat(view.bars()).isEqualTo(1);
  }

  @Test
  void pausedAndStoppedInstancesGetNoBarsAndStateChangesAreChecked() {
    List<Bar> all = bars(INFY, 0, FALL_RISE_FALL);
    bars.store(all.subList(0, 7));
    StrategyRuntime runtime = runtime();
    String id = runtime.create("asha", sma(FAST_2_SLOW_4), false).id();
    assertThat(runtime.find(id).orElseThrow().status()).isEqualTo("STOPPED");
    assertThatThrownBy(() -> runtime.pause("asha", id))
        .isInstanceOf(StrategyException.class)
        .satisfies(e -> assertThat(((StrategyException) e).reason()).isEqualTo(Reason.CONFLICT));

    runtime.start("asha", id);
    eventually("it runs", () -> status(runtime, id).equals("RUNNING"));
    assertThatThrownBy(() -> runtime.start("asha", id)).hasMessageContaining("already running");
    InstanceView paused = runtime.pause("asha", id);
    bars.close(all.get(7)); // the crossing bar, while paused

    assertThat(paused.state()).isEqualTo(InstanceState.PAUSED);
    assertThat(runtime.signals(id, null, 10)).isEmpty();
    assertThat(desk.store.orders()).isEmpty();
    assertThat(runtime.stop("asha", id).state()).isEqualTo(InstanceState.STOPPED);
    assertThatThrownBy(() -> runtime.stop("asha", id)).hasMessageContaining("is STOPPED");
    runtime.delete("asha", id);
    assertThat(runtime.find(id)).isEmpty();
    assertThatThrownBy(() -> runtime.start("asha", id))
        .satisfies(e -> assertThat(((StrategyException) e).reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void runningInstancesStartAgainAfterARestartAndAReplayedSignalIsOrderedOnce() {
    List<Bar> all = bars(INFY, 0, FALL_RISE_FALL);
    bars.store(all.subList(0, 7));
    StrategyRuntime before = runtime();
    String running = before.create("asha", sma(FAST_2_SLOW_4), true).id();
    String stopped = before.create("asha", sma(FAST_2_SLOW_4), false).id();
    eventually("it runs", () -> status(before, running).equals("RUNNING"));
    bars.close(all.get(7));
    eventually("the signal is stored", () -> !before.signals(running, null, 10).isEmpty());
    before.close();

    // the node restarts; the market-data side replays the crossing bar once more
    bars = new FakeBars();
    bars.store(all.subList(0, 7));
    StrategyRuntime after = runtime();
    eventually("it runs again", () -> status(after, running).equals("RUNNING"));
    bars.close(all.get(7));
    eventually(
        "the replayed bar was handled",
        () -> after.find(running).orElseThrow().bars() == 1 && gate.asked.size() == 2);

    assertThat(after.find(stopped).orElseThrow().status()).isEqualTo("STOPPED");
    assertThat(after.signals(running, null, 10)).hasSize(1);
    assertThat(desk.store.orders()).hasSize(1);
    assertThat(desk.sent).hasSize(1);
  }

  @Test
  void aFailingInstanceIsPausedWithItsErrorAndOthersGoOn() {
    List<Bar> all = bars(INFY, 0, FALL_RISE_FALL);
    bars.store(all.subList(0, 7));
    plugins.install(
        "com.example.broken",
        "0.1.0",
        TestStrategies.scripted(
            "broken",
            (context, bar) -> {
              throw new IllegalStateException("division by zero in my indicator");
            }));
    StrategyRuntime runtime = runtime();
    String broken =
        runtime
            .create(
                "asha",
                new InstanceSpec(
                    OrderDesk.ACCOUNT, "", "broken", List.of(INFY), Timeframe.M5, Map.of()),
                true)
            .id();
    String good = runtime.create("asha", sma(FAST_2_SLOW_4), true).id();
    eventually(
        "both run",
        () -> status(runtime, broken).equals("RUNNING") && status(runtime, good).equals("RUNNING"));

    bars.close(all.get(7));
    eventually("the good one signalled", () -> !runtime.signals(good, null, 10).isEmpty());
    eventually("the broken one is paused", () -> status(runtime, broken).equals("PAUSED"));

    InstanceView paused = runtime.find(broken).orElseThrow();
    assertThat(paused.state()).isEqualTo(InstanceState.PAUSED);
    assertThat(paused.lastError()).contains("division by zero in my indicator");
    assertThat(runtime.health().failed()).containsOnlyKeys(broken);
    assertThat(status(runtime, good)).isEqualTo("RUNNING");
    runtime.close();
    // the error is stored: a restart shows it and does not start the instance
    StrategyRuntime after = runtime();
    assertThat(after.find(broken).orElseThrow().lastError()).contains("division by zero");
    assertThat(after.find(broken).orElseThrow().status()).isEqualTo("PAUSED");
  }

  @Test
  void settingsAreCheckedNamingWhatIsWrong() {
    StrategyRuntime runtime = runtime();

    assertThatThrownBy(
            () ->
                runtime.create(
                    "asha",
                    new InstanceSpec(
                        OrderDesk.ACCOUNT, "", "no-such", List.of(INFY), Timeframe.M5, Map.of()),
                    false))
        .hasMessageContaining("unknown strategy type 'no-such'; installed: sma-crossover")
        .satisfies(e -> assertThat(((StrategyException) e).reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(() -> runtime.create("asha", sma(Map.of("fast", "0")), false))
        .satisfies(
            e -> {
              assertThat(((StrategyException) e).reason()).isEqualTo(Reason.INVALID);
              assertThat(((StrategyException) e).field()).isEqualTo("parameters.fast");
              assertThat(e).hasMessageContaining("between 1 and 500");
            });
    assertThatThrownBy(() -> runtime.create("asha", sma(Map.of("fast", "40")), false))
        .satisfies(e -> assertThat(((StrategyException) e).field()).isEqualTo("parameters.fast"))
        .hasMessageContaining("must be less than slow");
    assertThatThrownBy(() -> runtime.create("asha", sma(Map.of("speed", "3")), false))
        .hasMessageContaining("unknown parameter 'speed'; known: fast, slow");
    assertThatThrownBy(() -> runtime.create("asha", smaOn("NSE:NOPE"), false))
        .hasMessageContaining("unknown instrument NSE:NOPE");
    assertThatThrownBy(() -> runtime.create("asha", smaOn("NSE:INFY", "NSE:INFY"), false))
        .hasMessageContaining("NSE:INFY is listed twice");
    // a setting only the strategy's create refuses
    plugins.install("com.example.picky", "1.0.0", picky());
    assertThatThrownBy(
            () ->
                runtime.create(
                    "asha",
                    new InstanceSpec(
                        OrderDesk.ACCOUNT, "", "picky", List.of(INFY), Timeframe.D1, Map.of()),
                    false))
        .satisfies(e -> assertThat(((StrategyException) e).field()).isEqualTo("parameters.size"))
        .hasMessageContaining("size 10 does not fit 1d bars");
    assertThat(runtime.list(null)).isEmpty();
  }

  @Test
  void anUpdatedPluginTakesOverRunningInstancesAndARemovedOnePausesThem() {
    bars.store(bars(INFY, 0, FALL_RISE_FALL).subList(0, 7));
    StrategyRuntime runtime = runtime();
    String id = runtime.create("asha", sma(FAST_2_SLOW_4), true).id();
    eventually("it runs", () -> status(runtime, id).equals("RUNNING"));

    // update: the old service goes, the new version's comes
    plugins.remove(smaPlugin);
    assertThat(status(runtime, id)).isEqualTo("WAITING");
    plugins.install(
        "com.sharewise.strategy.smacrossover", "1.1.0", new SmaCrossoverStrategyFactory());
    eventually(
        "it runs on 1.1.0",
        () ->
            runtime.find(id).orElseThrow().pluginVersion().equals("1.1.0")
                && status(runtime, id).equals("RUNNING"));

    // removal: the service goes and the host reports the plugin uninstalled
    plugins.remove(plugins.snapshot().get(0));
    runtime.pluginRemoved("com.sharewise.strategy.smacrossover");

    InstanceView paused = runtime.find(id).orElseThrow();
    assertThat(paused.state()).isEqualTo(InstanceState.PAUSED);
    assertThat(paused.lastError())
        .contains("strategy plugin com.sharewise.strategy.smacrossover was removed");
  }

  @Test
  void anInstanceWhoseParametersNoLongerFitTheNewVersionIsPaused() {
    StrategyRuntime runtime = runtime();
    String id = runtime.create("asha", sma(Map.of("fast", "20", "slow", "40")), true).id();
    eventually("it runs", () -> status(runtime, id).equals("RUNNING"));

    plugins.remove(smaPlugin);
    plugins.install("com.sharewise.strategy.smacrossover", "2.0.0", narrowerSma());
    eventually("it is paused", () -> status(runtime, id).equals("PAUSED"));

    assertThat(runtime.find(id).orElseThrow().lastError())
        .contains("do not fit", "2.0.0", "fast must be between 1 and 10, got 20");
  }

  @Test
  void changingARunningInstanceRestartsItWithTheNewSettings() {
    bars.store(bars(INFY, 0, FALL_RISE_FALL).subList(0, 7));
    bars.store(bars(TCS, 0, FALL_RISE_FALL).subList(0, 7));
    StrategyRuntime runtime = runtime();
    String id = runtime.create("asha", sma(Map.of("fast", "3", "slow", "9")), true).id();
    eventually("it runs", () -> status(runtime, id).equals("RUNNING"));

    InstanceView changed =
        runtime.update(
            "asha",
            id,
            new InstanceSpec(
                OrderDesk.ACCOUNT, "two", SMA, List.of(INFY, TCS), Timeframe.M5, FAST_2_SLOW_4));
    eventually("it runs again", () -> status(runtime, id).equals("RUNNING"));
    bars.close(bars(TCS, 7, 18).get(0));
    eventually("TCS signalled", () -> !runtime.signals(id, null, 10).isEmpty());

    assertThat(changed.name()).isEqualTo("two");
    assertThat(changed.parameters()).containsEntry("fast", "2");
    assertThat(runtime.signals(id, null, 10).get(0).instrument()).isEqualTo(TCS);
    assertThatThrownBy(
            () ->
                runtime.update(
                    "asha",
                    id,
                    new InstanceSpec(99, "", SMA, List.of(INFY), Timeframe.M5, Map.of())))
        .satisfies(e -> assertThat(((StrategyException) e).field()).isEqualTo("accountId"));
  }

  @Test
  void aStrategyThatNeverReturnsIsPausedByTheWatchdog() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    plugins.install(
        "com.example.stuck",
        "0.1.0",
        TestStrategies.scripted(
            "stuck",
            (context, bar) -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }));
    StrategyRuntime runtime = runtime(new StrategiesConfig(Duration.ofMillis(10), 0, 1000, 1000));
    try {
      String stuck =
          runtime
              .create(
                  "asha",
                  new InstanceSpec(
                      OrderDesk.ACCOUNT, "", "stuck", List.of(INFY), Timeframe.M5, Map.of()),
                  true)
              .id();
      eventually("it runs", () -> status(runtime, stuck).equals("RUNNING"));

      bars.close(TestBars.bar(INFY, Timeframe.M5, 0, 100));
      eventually("it is paused", () -> status(runtime, stuck).equals("PAUSED"));

      assertThat(runtime.find(stuck).orElseThrow().lastError()).contains("did not return");
    } finally {
      release.countDown();
    }
  }

  /** A strategy whose create refuses a size that does not fit daily bars. */
  private static StrategyFactory picky() {
    StrategyDescriptor descriptor =
        new StrategyDescriptor(
            "picky",
            "Picky",
            "",
            List.of(ParameterSpec.integer("size", "bars", 10, 1, 100)),
            Set.of());
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public StrategyInstance create(StrategyContext context, Parameters parameters) {
        if (context.timeframe() == Timeframe.D1) {
          throw new ParameterException(
              "size", "size " + parameters.getInt("size") + " does not fit 1d bars");
        }
        return bar -> {};
      }
    };
  }

  /** The SMA crossover with a narrower fast range, as a new plugin version might declare. */
  private static StrategyFactory narrowerSma() {
    SmaCrossoverStrategyFactory sma = new SmaCrossoverStrategyFactory();
    StrategyDescriptor descriptor =
        new StrategyDescriptor(
            SMA,
            "SMA crossover",
            "",
            List.of(
                ParameterSpec.integer("fast", "", 5, 1, 10),
                ParameterSpec.integer("slow", "", 30, 2, 1000)),
            Set.of());
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public StrategyInstance create(StrategyContext context, Parameters parameters) {
        return sma.create(context, parameters);
      }
    };
  }
}

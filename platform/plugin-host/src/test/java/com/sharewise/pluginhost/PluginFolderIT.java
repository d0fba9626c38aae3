package com.sharewise.pluginhost;

import static com.sharewise.pluginhost.HostTestSupport.await;
import static com.sharewise.pluginhost.HostTestSupport.events;
import static com.sharewise.pluginhost.HostTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.strategy.StrategyFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugins folder as users drive it: drop, replace and delete jars while the host runs. */
class PluginFolderIT {

  private static final Logger LOG = LoggerFactory.getLogger(PluginFolderIT.class);
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private static byte[] smaV1;
  private static byte[] smaV2;
  private static byte[] unresolvable;
  private static byte[] throwing;
  private static byte[] fixed;

  @TempDir Path root;
  private Path plugins;
  private PluginHost host;
  private final List<PluginEvent> events = events();

  @BeforeAll
  static void buildBundles() {
    smaV1 = TestBundles.strategy("com.example.sma", "1.0.0", "sma-crossover", "v1").build();
    smaV2 = TestBundles.strategy("com.example.sma", "2.0.0", "sma-crossover", "v2").build();
    unresolvable =
        TestBundles.strategy("com.example.needy", "1.0.0", "needy", "x")
            .importPackage("com.example.missing;version=\"[1.0,2)\"")
            .build();
    throwing = TestBundles.throwingActivator("com.example.boom", "no licence key").build();
    fixed = TestBundles.strategy("com.example.fixed", "1.0.0", "fixed", "ok").build();
  }

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void droppedReplacedAndDeletedJarsAreInstalledUpdatedAndUninstalled() throws IOException {
    start();
    PluginServices<StrategyFactory> strategies = host.track(StrategyFactory.class);

    long dropped = System.nanoTime();
    TestBundles.drop(plugins, "sma.jar", smaV1);
    await(
        "dropped jar active",
        WITHIN,
        () -> state("com.example.sma").equals(Optional.of(PluginState.ACTIVE)));
    LOG.info("Drop to ACTIVE: {} ms", (System.nanoTime() - dropped) / 1_000_000);
    assertThat(strategies.snapshot())
        .singleElement()
        .satisfies(s -> assertThat(s.service().descriptor().description()).isEqualTo("v1"));

    long replaced = System.nanoTime();
    TestBundles.drop(plugins, "sma.jar", smaV2);
    await(
        "replaced jar updated",
        WITHIN,
        () -> version("com.example.sma").equals(Optional.of("2.0.0")));
    LOG.info("Replace to updated: {} ms", (System.nanoTime() - replaced) / 1_000_000);
    assertThat(strategies.snapshot())
        .singleElement()
        .satisfies(s -> assertThat(s.service().descriptor().description()).isEqualTo("v2"));

    Files.delete(plugins.resolve("sma.jar"));
    await("deleted jar uninstalled", WITHIN, () -> host.plugins().isEmpty());
    assertThat(strategies.snapshot()).isEmpty();
    await("events", WITHIN, () -> events.size() == 3);
    assertThat(events)
        .extracting(PluginEvent::type)
        .containsExactly(
            PluginEvent.Type.INSTALLED, PluginEvent.Type.UPDATED, PluginEvent.Type.UNINSTALLED);
  }

  @Test
  void badDropsAreListedAsFailedWithTheReasonAndGoodOnesStillInstall() {
    start();

    TestBundles.drop(plugins, "junk.jar", TestBundles.notAZip());
    TestBundles.drop(plugins, "needy.jar", unresolvable);
    TestBundles.drop(plugins, "boom.jar", throwing);
    await("three failed plugins", WITHIN, () -> host.plugins().size() == 3);

    assertThat(host.plugin("junk.jar").orElseThrow())
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(PluginState.FAILED);
              assertThat(p.lastError()).contains("not a readable jar");
            });
    assertThat(host.plugin("com.example.needy").orElseThrow())
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(PluginState.FAILED);
              assertThat(p.kind()).isEqualTo(PluginKind.OTHER);
              assertThat(p.lastError()).contains("missing package com.example.missing");
            });
    assertThat(host.plugin("com.example.boom").orElseThrow())
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(PluginState.FAILED);
              assertThat(p.lastError()).contains("no licence key");
            });

    TestBundles.drop(plugins, "sma.jar", smaV1);
    await(
        "good drop active",
        WITHIN,
        () -> state("com.example.sma").equals(Optional.of(PluginState.ACTIVE)));
    assertThat(host.health())
        .satisfies(
            h -> {
              assertThat(h.up()).isTrue();
              assertThat(h.active()).isEqualTo(1);
              assertThat(h.failed()).isEqualTo(3);
            });

    // Fixing a failed file in place retries it.
    TestBundles.drop(plugins, "junk.jar", fixed);
    await(
        "fixed drop active",
        WITHIN,
        () -> state("com.example.fixed").equals(Optional.of(PluginState.ACTIVE)));
    assertThat(host.plugin("junk.jar")).isEmpty();
  }

  @Test
  void jarsPresentAtBootAreInstalledAndApiInstallsAreNotReinstalledByTheWatcher() throws Exception {
    Files.createDirectories(root.resolve("plugins"));
    Files.write(root.resolve("plugins/sma.jar"), smaV1);
    Files.write(root.resolve("plugins/boom.jar"), throwing);
    start();

    assertThat(state("com.example.sma")).contains(PluginState.ACTIVE);
    assertThat(state("com.example.boom")).contains(PluginState.FAILED);

    host.install(
        "needs-nothing.jar",
        new ByteArrayInputStream(
            TestBundles.strategy("com.example.other", "1.0.0", "other", "o").build()));
    Thread.sleep(2_500); // longer than the watcher's rescan interval
    assertThat(events)
        .extracting(e -> e.type() + " " + e.plugin().id())
        .containsExactly(
            "FAILED com.example.boom", "INSTALLED com.example.sma", "INSTALLED com.example.other");
  }

  private void start() {
    plugins = root.resolve("plugins");
    host = started(root, events);
  }

  private Optional<PluginState> state(String id) {
    return host.plugin(id).map(PluginInfo::state);
  }

  private Optional<String> version(String id) {
    return host.plugin(id).map(PluginInfo::version);
  }
}

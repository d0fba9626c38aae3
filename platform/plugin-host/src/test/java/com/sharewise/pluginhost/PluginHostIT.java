package com.sharewise.pluginhost;

import static com.sharewise.pluginhost.HostTestSupport.await;
import static com.sharewise.pluginhost.HostTestSupport.events;
import static com.sharewise.pluginhost.HostTestSupport.jarFiles;
import static com.sharewise.pluginhost.HostTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.PluginException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installs, updates and removes plugins through the API on a real embedded Felix with DS. */
class PluginHostIT {

  private static byte[] smaV1;
  private static byte[] smaV2;
  private static byte[] dsStrategy;
  private static byte[] unresolvable;
  private static byte[] throwing;
  private static byte[] smaV2Throwing;

  @TempDir Path root;
  private List<PluginEvent> events;
  private PluginHost host;
  private PluginServices<StrategyFactory> strategies;

  @BeforeAll
  static void buildBundles() {
    smaV1 = TestBundles.strategy("com.example.sma", "1.0.0", "sma-crossover", "v1").build();
    smaV2 = TestBundles.strategy("com.example.sma", "2.0.0", "sma-crossover", "v2").build();
    dsStrategy =
        TestBundles.dsStrategy("com.example.ds", "1.0.0", "ds-strategy", "from DS").build();
    unresolvable =
        TestBundles.strategy("com.example.needy", "1.0.0", "needy", "x")
            .importPackage("com.example.missing;version=\"[1.0,2)\"")
            .build();
    throwing = TestBundles.throwingActivator("com.example.boom", "no licence key").build();
    smaV2Throwing =
        TestBundles.throwingActivator("com.example.sma", "v3 is broken").version("3.0.0").build();
  }

  @BeforeEach
  void startHost() {
    events = events();
    host = started(root, events);
    strategies = host.track(StrategyFactory.class);
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void installedStrategyIsTrackedAndListedWithItsDescriptor() {
    PluginInfo info = install("sma.jar", smaV1);

    assertThat(info.id()).isEqualTo("com.example.sma");
    assertThat(info.state()).isEqualTo(PluginState.ACTIVE);
    assertThat(info.kind()).isEqualTo(PluginKind.STRATEGY);
    assertThat(info.version()).isEqualTo("1.0.0");
    assertThat(info.file()).isEqualTo("sma.jar");
    assertThat(info.services())
        .containsExactly(new ProvidedService("StrategyFactory", "sma-crossover"));
    assertThat(strategies.snapshot())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.pluginId()).isEqualTo("com.example.sma");
              assertThat(s.service().descriptor().description()).isEqualTo("v1");
            });
    assertThat(jarFiles(root.resolve("plugins"))).containsExactly("sma.jar");
    await(
        "INSTALLED event",
        Duration.ofSeconds(5),
        () -> types().contains(PluginEvent.Type.INSTALLED));
  }

  @Test
  void updateReplacesTheServiceAndUninstallRemovesIt() {
    install("sma.jar", smaV1);
    List<String> seen = new CopyOnWriteArrayList<>();
    strategies.addListener(
        new PluginServiceListener<>() {
          @Override
          public void added(PluginService<StrategyFactory> s) {
            seen.add("+" + s.service().descriptor().description());
          }

          @Override
          public void removed(PluginService<StrategyFactory> s) {
            seen.add("-" + s.service().descriptor().description());
          }
        });

    PluginInfo updated = host.update("com.example.sma", new ByteArrayInputStream(smaV2));

    assertThat(updated.version()).isEqualTo("2.0.0");
    assertThat(updated.state()).isEqualTo(PluginState.ACTIVE);
    assertThat(strategies.snapshot())
        .singleElement()
        .satisfies(s -> assertThat(s.service().descriptor().description()).isEqualTo("v2"));
    assertThat(seen).containsExactly("+v1", "-v1", "+v2");

    host.uninstall("com.example.sma");

    assertThat(strategies.snapshot()).isEmpty();
    assertThat(host.plugins()).isEmpty();
    assertThat(jarFiles(root.resolve("plugins"))).isEmpty();
    assertThat(seen).endsWith("-v2");
    await("events", Duration.ofSeconds(5), () -> types().size() == 3);
    assertThat(types())
        .containsExactly(
            PluginEvent.Type.INSTALLED, PluginEvent.Type.UPDATED, PluginEvent.Type.UNINSTALLED);
  }

  @Test
  void failingUpdateIsReportedAndKeepsThePreviousVersionRunning() {
    install("sma.jar", smaV1);

    assertThatThrownBy(
            () -> host.update("com.example.sma", new ByteArrayInputStream(smaV2Throwing)))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
              assertThat(e.getMessage()).contains("v3 is broken", "previous version kept running");
            });

    PluginInfo info = host.plugin("com.example.sma").orElseThrow();
    assertThat(info.state()).isEqualTo(PluginState.ACTIVE);
    assertThat(info.version()).isEqualTo("1.0.0");
    assertThat(info.lastError()).contains("v3 is broken");
    assertThat(strategies.snapshot())
        .singleElement()
        .satisfies(s -> assertThat(s.service().descriptor().description()).isEqualTo("v1"));
    assertThat(root.resolve("plugins/sma.jar")).hasBinaryContent(smaV1);
  }

  @Test
  void brokenJarsAreRefusedLeavingNothingBehindAndTheHostStaysHealthy() {
    assertRefused("junk.jar", TestBundles.notAZip(), Reason.NOT_A_BUNDLE, "not a readable jar");
    assertRefused(
        "nomanifest.jar",
        TestBundles.jarWithoutManifest(),
        Reason.NOT_A_BUNDLE,
        "no META-INF/MANIFEST.MF");
    assertRefused(
        "needy.jar", unresolvable, Reason.UNRESOLVED, "missing package com.example.missing");
    assertRefused("boom.jar", throwing, Reason.START_FAILED, "no licence key");
    assertRefused("../evil.jar", smaV1, Reason.INVALID_REQUEST, "not a plain .jar file name");

    assertThat(host.plugins()).isEmpty();
    assertThat(jarFiles(root.resolve("plugins"))).isEmpty();

    PluginInfo good = install("sma.jar", smaV1);
    assertThat(good.state()).isEqualTo(PluginState.ACTIVE);
    assertThat(host.health())
        .isEqualTo(new PluginHostHealth(true, 1, 0, "1 plugins: 1 active, 0 failed"));
  }

  @Test
  void duplicatesAndUnknownIdsAreRefused() {
    install("sma.jar", smaV1);

    assertRefused("other-name.jar", smaV2, Reason.ALREADY_INSTALLED, "update it instead");
    assertThatThrownBy(() -> host.update("com.example.sma", new ByteArrayInputStream(dsStrategy)))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SYMBOLIC_NAME_MISMATCH));
    assertThatThrownBy(() -> host.uninstall("com.example.nothing"))
        .isInstanceOfSatisfying(
            PluginException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThat(jarFiles(root.resolve("plugins"))).containsExactly("sma.jar");
  }

  @Test
  void declarativeServicesBundleRegistersItsService() {
    PluginInfo info = install(null, dsStrategy);

    assertThat(info.file()).isEqualTo("com.example.ds-1.0.0.jar");
    await(
        "DS service tracked",
        Duration.ofSeconds(5),
        () -> strategies.of("com.example.ds").size() == 1);
    assertThat(strategies.of("com.example.ds").get(0).descriptor().id()).isEqualTo("ds-strategy");
    assertThat(host.plugin("com.example.ds").orElseThrow().kind()).isEqualTo(PluginKind.STRATEGY);
  }

  @Test
  void aPluginsResourcesUnderAFolderAreReadableByPath() {
    byte[] jar =
        TestBundles.strategy("com.example.rules", "1.0.0", "with-rules", "v1")
            .resource(
                "OSGI-INF/rules/signal/entry.drl",
                "rule \"x\" when then end".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .resource("OSGI-INF/rules/readme.txt", new byte[] {1})
            .build();
    install("with-rules.jar", jar);

    assertThat(host.resources("com.example.rules", "OSGI-INF/rules", "*.drl"))
        .containsOnlyKeys("OSGI-INF/rules/signal/entry.drl");
    assertThat(host.resources("com.example.unknown", "OSGI-INF/rules", "*.drl")).isEmpty();
  }

  private PluginInfo install(String fileName, byte[] jar) {
    return host.install(fileName, new ByteArrayInputStream(jar));
  }

  private void assertRefused(String fileName, byte[] jar, Reason reason, String message) {
    assertThatThrownBy(() -> install(fileName, jar))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(message);
            });
  }

  private List<PluginEvent.Type> types() {
    return events.stream().map(PluginEvent::type).toList();
  }
}

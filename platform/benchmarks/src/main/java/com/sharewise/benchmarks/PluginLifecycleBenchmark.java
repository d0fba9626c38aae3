package com.sharewise.benchmarks;

import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginHostConfig;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.pluginhost.TestBundles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * How long a plugin takes to go live: install through the API until its service is visible, update
 * until the new version's service is visible, and a jar dropped into the watched folder until its
 * service is visible. Uses a real Felix with Declarative Services, as the node does.
 */
final class PluginLifecycleBenchmark implements Benchmark {

  private static final int WARMUP = 10;
  private static final int SAMPLES = 40;
  private static final int DROP_SAMPLES = 10;

  @Override
  public String name() {
    return "plugins";
  }

  @Override
  public void run(Results results) throws Exception {
    Path root = Files.createTempDirectory("sharewise-bench-plugins");
    Path systemBundles = Path.of(System.getProperty("sharewise.systemBundles"));
    PluginHostConfig config =
        new PluginHostConfig(
            root.resolve("plugins"), root.resolve("cache"), systemBundles, Duration.ofSeconds(30));
    try (PluginHost host = new PluginHost(config);
        PluginServices<StrategyFactory> strategies = startAndTrack(host)) {
      List<Long> installs = new ArrayList<>();
      List<Long> updates = new ArrayList<>();
      for (int i = 0; i < WARMUP + SAMPLES; i++) {
        String id = "bench.strategy" + i;
        byte[] v1 = TestBundles.strategy(id, "1.0.0", "s" + i, "v1").build();
        byte[] v2 = TestBundles.strategy(id, "2.0.0", "s" + i, "v2").build();
        long start = System.nanoTime();
        host.install(id + ".jar", new ByteArrayInputStream(v1));
        awaitDescription(strategies, id, "v1");
        long installed = System.nanoTime();
        host.update(id, new ByteArrayInputStream(v2));
        awaitDescription(strategies, id, "v2");
        long updated = System.nanoTime();
        if (i >= WARMUP) {
          installs.add(installed - start);
          updates.add(updated - installed);
        }
        host.uninstall(id);
      }
      results.add("plugin.install", "API install → service visible", Stats.ofNanos(installs));
      results.add(
          "plugin.update", "API update → new version's service visible", Stats.ofNanos(updates));

      List<Long> drops = new ArrayList<>();
      for (int i = 0; i < DROP_SAMPLES; i++) {
        String id = "bench.dropped" + i;
        byte[] jar = TestBundles.strategy(id, "1.0.0", "d" + i, "dropped").build();
        long start = System.nanoTime();
        TestBundles.drop(config.pluginsDirectory(), id + ".jar", jar);
        awaitDescription(strategies, id, "dropped");
        drops.add(System.nanoTime() - start);
      }
      results.add(
          "plugin.folderDrop", "jar dropped in plugins/ → service visible", Stats.ofNanos(drops));
    }
  }

  private static PluginServices<StrategyFactory> startAndTrack(PluginHost host) {
    host.start();
    return host.track(StrategyFactory.class);
  }

  private static void awaitDescription(
      PluginServices<StrategyFactory> strategies, String pluginId, String description)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (PluginService<StrategyFactory> service : strategies.snapshot()) {
        if (service.pluginId().equals(pluginId)
            && service.service().descriptor().description().equals(description)) {
          return;
        }
      }
      Thread.onSpinWait();
      Thread.sleep(0, 200_000);
    }
    throw new TimeoutException(
        pluginId + " never offered a strategy described '" + description + "'");
  }
}

package com.sharewise.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Shared set-up for the integration tests: hosts in temp folders, polling, recorded events. */
final class HostTestSupport {

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private HostTestSupport() {}

  /** The Declarative Services bundles copied by the build (failsafe passes the folder). */
  static Path systemBundles() {
    Path dir = Path.of(System.getProperty("sharewise.systemBundles", "target/system-bundles"));
    assertThat(dir).as("DS bundles (run through Maven: mvn verify)").isDirectory();
    return dir;
  }

  static PluginHostConfig config(Path root) {
    return new PluginHostConfig(
        root.resolve("plugins"), root.resolve("data/felix-cache"), systemBundles(), TIMEOUT);
  }

  static PluginHost started(Path root, List<PluginEvent> events) {
    PluginHost host = new PluginHost(config(root));
    host.addListener(events::add);
    host.start();
    return host;
  }

  static List<PluginEvent> events() {
    return new CopyOnWriteArrayList<>();
  }

  /** Polls {@code condition} every 25 ms for up to {@code within}; fails with {@code what}. */
  static void await(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + within + " waiting for: " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  static List<String> jarFiles(Path plugins) {
    try (Stream<Path> files = Files.list(plugins)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

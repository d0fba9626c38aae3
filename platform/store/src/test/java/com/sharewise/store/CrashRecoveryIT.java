package com.sharewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.sharewise.store.internal.Postmasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server must come back after the two kinds of crash a host sees. */
class CrashRecoveryIT {
  @TempDir Path dataDir;

  private final List<ProcessHandle> toReap = new ArrayList<>();

  @AfterEach
  void reap() {
    toReap.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void startsAfterPostgresWasKilledLeavingAStalePidFile() {
    Path pgData = dataDir.resolve("postgres");
    Store first = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(2));
    PluginEvent event = log(first).record("p", "1", PluginEvent.Action.INSTALLED, "before kill");
    ProcessHandle postmaster =
        ProcessHandle.of(Postmasters.readPid(pgData).orElseThrow()).orElseThrow();
    toReap.add(postmaster);

    postmaster.destroyForcibly();
    assertThat(Postmasters.awaitExit(postmaster, Duration.ofSeconds(10))).isTrue();
    first.close();
    assertThat(pgData.resolve("postmaster.pid")).exists();

    try (Store second = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(2))) {
      assertThat(second.health().up()).isTrue();
      assertThat(log(second).recent("p", 5)).containsExactly(event);
    }
  }

  @Test
  void startsAfterTheHostJvmWasKilledLeavingPostgresRunning() throws Exception {
    Path pgData = dataDir.resolve("postgres");
    Path output = dataDir.resolve("host.log");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process host =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingHost.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    toReap.add(host.toHandle());
    awaitReady(host, output);
    ProcessHandle orphan =
        ProcessHandle.of(Postmasters.readPid(pgData).orElseThrow()).orElseThrow();
    toReap.add(orphan);

    assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dataDir)))
        .as("a live host keeps its directory")
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in use by another running store");
    assertThat(orphan.isAlive()).isTrue();

    host.destroyForcibly();
    assertThat(host.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(orphan.isAlive()).as("PostgreSQL outlives its killed host").isTrue();

    try (Store store = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(2))) {
      assertThat(orphan.isAlive()).isFalse();
      assertThat(log(store).recent(CrashingHost.PLUGIN, 5))
          .extracting(PluginEvent::detail)
          .containsExactly(CrashingHost.DETAIL);
    }
  }

  private void awaitReady(Process host, Path output) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(dataDir.resolve(CrashingHost.READY_FILE))) {
      if (!host.isAlive() || System.nanoTime() > deadline) {
        fail("host did not get ready; its output:%n%s", Files.readString(output));
      }
      Thread.sleep(100);
    }
  }

  private static PluginEventLog log(Store store) {
    return new PluginEventLog(store.dsl(), Clock.systemUTC());
  }
}

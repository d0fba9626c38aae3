package com.sharewise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A host process for {@link CrashRecoveryIT}: opens an embedded store, writes one event, signals
 * readiness through a file, then waits to be killed with SIGKILL (so no shutdown hook runs and
 * PostgreSQL is orphaned).
 */
public final class CrashingHost {
  static final String PLUGIN = "crash-test";
  static final String DETAIL = "written before the host was killed";
  static final String READY_FILE = "host-ready";

  private CrashingHost() {}

  /**
   * @param args the data directory
   * @throws Exception on any failure (the test reads the output)
   */
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Store store = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(2));
    new PluginEventLog(store.dsl(), Clock.systemUTC())
        .record(PLUGIN, "1.0.0", PluginEvent.Action.INSTALLED, DETAIL);
    Files.writeString(dataDir.resolve(READY_FILE), "ready");
    Thread.sleep(Long.MAX_VALUE);
  }
}

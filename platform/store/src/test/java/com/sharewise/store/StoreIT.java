package com.sharewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots a real embedded PostgreSQL in a temporary directory. */
class StoreIT {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456Z");

  /** Every versioned migration script this module ships. */
  private static final long MIGRATIONS = countMigrations();

  @TempDir Path dataDir;

  private static long countMigrations() {
    // Tests run in the module folder; the scripts are counted where they are written.
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot list the migration scripts", e);
    }
  }

  @Test
  void migratesTheSchemaAndRoundTripsPluginEvents() {
    try (Store store = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(3))) {
      assertThat(
              store
                  .dsl()
                  .fetchValue(
                      "select count(*) from flyway_schema_history where success and version is not null"))
          .isEqualTo(MIGRATIONS);
      assertThat(
              store
                  .dsl()
                  .fetchValue(
                      "select count(*) from pg_indexes where indexname ="
                          + " 'plugin_event_plugin_time_idx'"))
          .isEqualTo(1L);

      PluginEventLog log = log(store);
      PluginEvent installed =
          new PluginEvent(
              "paper-broker", "1.0.0", PluginEvent.Action.INSTALLED, null, NOW.minusSeconds(60));
      log.record(installed);
      PluginEvent updated =
          log.record("paper-broker", "1.1.0", PluginEvent.Action.UPDATED, "from 1.0.0");
      log.record(new PluginEvent("other", null, PluginEvent.Action.FAILED, "bad manifest", NOW));

      assertThat(updated.occurredAt()).isEqualTo(NOW);
      assertThat(log.recent("paper-broker", 10)).containsExactly(updated, installed);
      assertThat(log.recent("paper-broker", 1)).containsExactly(updated);
      assertThat(log.recent("unknown", 10)).isEmpty();
      assertThatThrownBy(
              () ->
                  store
                      .dsl()
                      .execute(
                          "insert into plugin_event (plugin_id, action) values ('x', 'EXPLODED')"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("plugin_event_action_check");

      StoreHealth health = store.health();
      assertThat(health.up()).isTrue();
      assertThat(health.mode()).isEqualTo(StoreHealth.EMBEDDED);
      assertThat(health.detail()).startsWith("PostgreSQL 17.").contains("pool active=");
      assertThat(store.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/sharewise");
    }
  }

  @Test
  void dataSurvivesARestartOnTheSameDirectory() {
    Store first = Store.open(StoreConfig.embedded(dataDir));
    PluginEvent event =
        log(first).record("sma-crossover", "2.0.0", PluginEvent.Action.INSTALLED, "kept");
    first.close();
    first.close();

    assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    assertThat(first.health().up()).isFalse();
    try (Store second = Store.open(StoreConfig.embedded(dataDir))) {
      assertThat(log(second).recent("sma-crossover", 10)).containsExactly(event);
      // the second start found the schema current and applied nothing again
      assertThat(second.dsl().fetchValue("select count(*) from flyway_schema_history"))
          .isEqualTo(MIGRATIONS);
    }
  }

  @Test
  void aDataDirectoryServesOneStoreAtATime() {
    try (Store first = Store.open(StoreConfig.embedded(dataDir).withMaxPoolSize(2))) {
      assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dataDir)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(dataDir.resolve("postgres").toString())
          .hasMessageContaining("in use by another running store");
      assertThat(first.health().up()).isTrue();
    }
  }

  @Test
  void externalModeUsesAServerByUrlAndReportsWhenItGoesAway() {
    Store server = Store.open(StoreConfig.embedded(dataDir));
    try {
      PluginEvent event =
          log(server).record("paper-broker", "1.0.0", PluginEvent.Action.INSTALLED, null);
      StoreConfig external =
          StoreConfig.external(server.jdbcUrl(), "postgres", "unused-with-trust-auth")
              .withMaxPoolSize(2)
              .withConnectTimeout(Duration.ofSeconds(2));
      try (Store client = Store.open(external)) {
        StoreHealth up = client.health();
        assertThat(up.up()).isTrue();
        assertThat(up.mode()).isEqualTo(StoreHealth.EXTERNAL);
        assertThat(up.detail()).startsWith("PostgreSQL 17.").contains(server.jdbcUrl());
        assertThat(log(client).recent("paper-broker", 5)).containsExactly(event);

        server.close();
        long start = System.nanoTime();
        StoreHealth down = client.health();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(down.up()).isFalse();
        assertThat(down.mode()).isEqualTo(StoreHealth.EXTERNAL);
        assertThat(down.detail()).startsWith("cannot query PostgreSQL at " + server.jdbcUrl());
      }
    } finally {
      server.close();
    }
  }

  @Test
  void unreachableServerFailsWithinTheConnectTimeoutWithoutShowingThePassword() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/x";
    String password = "pa55-w0rd-never-shown";
    StoreConfig config =
        StoreConfig.external(url, "bob", password).withConnectTimeout(Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThatThrownBy(() -> Store.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to PostgreSQL at " + url + " as user 'bob': ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining(password);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  private static PluginEventLog log(Store store) {
    return new PluginEventLog(store.dsl(), Clock.fixed(NOW, ZoneOffset.UTC));
  }
}

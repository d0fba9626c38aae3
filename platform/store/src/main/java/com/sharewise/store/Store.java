package com.sharewise.store;

import com.sharewise.store.internal.EmbeddedPostgresServer;
import com.sharewise.store.internal.Failures;
import com.sharewise.store.internal.JdbcUrls;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's database: a pooled connection to PostgreSQL with the schema migrated to the
 * version this build expects.
 *
 * <p>{@link #open(StoreConfig)} does everything needed before the first query: it starts an
 * embedded PostgreSQL when the config has no JDBC URL (recovering from a crash of a previous run),
 * opens a HikariCP pool (failing within the configured connect timeout if the server cannot be
 * reached) and applies the Flyway migrations found on the classpath under {@code db/migration}.
 *
 * <p>Thread-safety: a Store is safe to share. {@link #dsl()} and {@link #dataSource()} may be used
 * from any thread concurrently; every statement borrows a pooled connection for its duration.
 * {@link #close()} closes the pool first and then stops the embedded server; it is idempotent, and
 * using the store after closing fails with the pool's "closed" error.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final String MIGRATIONS = "classpath:db/migration";
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  static {
    // jOOQ logs a banner and "tips of the day" on first use unless told otherwise.
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
  }

  private final String mode;
  private final String displayUrl;
  private final HikariDataSource pool;
  private final DSLContext dsl;
  private final EmbeddedPostgresServer embedded;
  private final Duration healthTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Store(
      String mode,
      String displayUrl,
      HikariDataSource pool,
      EmbeddedPostgresServer embedded,
      Duration healthTimeout) {
    this.mode = mode;
    this.displayUrl = displayUrl;
    this.pool = pool;
    this.embedded = embedded;
    this.healthTimeout = healthTimeout;
    this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
  }

  /**
   * Opens the store: starts embedded PostgreSQL if configured, connects, migrates. On failure
   * nothing is left running.
   *
   * @param config where the database is and how to connect
   * @return the open store
   * @throws StoreException if the server cannot be started or reached within {@link
   *     StoreConfig#connectTimeout()}, or the migrations fail; the message names the URL and user,
   *     never the password
   */
  public static Store open(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    EmbeddedPostgresServer embedded = null;
    HikariDataSource pool = null;
    try {
      String url;
      String user;
      String password;
      if (config.isEmbedded()) {
        embedded =
            EmbeddedPostgresServer.start(
                config.dataDirectory().resolve("postgres"), config.connectTimeout());
        url = embedded.jdbcUrl();
        user = EmbeddedPostgresServer.USER;
        password = null;
      } else {
        url = config.jdbcUrl();
        user = config.user();
        password = config.password();
      }
      pool = connect(url, user, password, config);
      migrate(pool, url, password);
      String mode = embedded != null ? StoreHealth.EMBEDDED : StoreHealth.EXTERNAL;
      Duration healthTimeout =
          config.connectTimeout().compareTo(HEALTH_TIMEOUT) < 0
              ? config.connectTimeout()
              : HEALTH_TIMEOUT;
      LOG.info("store open ({}) at {}", mode, JdbcUrls.redact(url));
      return new Store(mode, JdbcUrls.redact(url), pool, embedded, healthTimeout);
    } catch (RuntimeException e) {
      release(pool, embedded, e);
      throw e;
    }
  }

  /**
   * @return the pooled data source; connections must be closed by the caller
   */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * @return a jOOQ context on the pool, for the {@link SQLDialect#POSTGRES} dialect; usable from
   *     any thread
   */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * @return the JDBC URL in use, with any password parameter masked
   */
  public String jdbcUrl() {
    return displayUrl;
  }

  /**
   * @return {@link StoreHealth#EMBEDDED} or {@link StoreHealth#EXTERNAL}
   */
  public String mode() {
    return mode;
  }

  /**
   * Probes the database now: borrows a connection and runs a query, each bounded by a short timeout
   * (2 s, or the connect timeout if shorter). Never throws.
   *
   * @return UP with server version and pool statistics, or DOWN with the error
   */
  public StoreHealth health() {
    if (closed.get()) {
      return new StoreHealth(false, mode, "store is closed");
    }
    try (Connection connection = borrow(healthTimeout);
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, healthTimeout.toSeconds()));
      String version;
      try (ResultSet rs = statement.executeQuery("select current_setting('server_version')")) {
        rs.next();
        version = rs.getString(1);
      }
      return new StoreHealth(
          true, mode, "PostgreSQL " + version + " at " + displayUrl + poolStats());
    } catch (SQLException | RuntimeException e) {
      return new StoreHealth(
          false,
          mode,
          "cannot query PostgreSQL at "
              + displayUrl
              + ": "
              + Failures.reason(e, null)
              + poolStats());
    }
  }

  /**
   * Closes the pool, then stops the embedded server if there is one. Idempotent.
   *
   * @throws StoreException if a leftover server process could not be stopped
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      pool.close();
    } finally {
      if (embedded != null) {
        embedded.stop();
      }
    }
    LOG.info("store closed ({}) at {}", mode, displayUrl);
  }

  @Override
  public String toString() {
    return "Store[" + mode + ", " + displayUrl + (closed.get() ? ", closed" : "") + "]";
  }

  private Connection borrow(Duration timeout) throws SQLException {
    if (pool.getHikariPoolMXBean() instanceof HikariPool hikari) {
      return hikari.getConnection(timeout.toMillis());
    }
    return pool.getConnection();
  }

  private String poolStats() {
    HikariPoolMXBean stats = pool.getHikariPoolMXBean();
    if (stats == null) {
      return "";
    }
    return "; pool active="
        + stats.getActiveConnections()
        + ", idle="
        + stats.getIdleConnections()
        + ", total="
        + stats.getTotalConnections()
        + ", waiting="
        + stats.getThreadsAwaitingConnection();
  }

  private static HikariDataSource connect(
      String url, String user, String password, StoreConfig config) {
    long timeoutMillis = config.connectTimeout().toMillis();
    long timeoutSeconds = Math.max(1, (timeoutMillis + 999) / 1000);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("sharewise-store");
    hikari.setDriverClassName(org.postgresql.Driver.class.getName());
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
    hikari.setConnectionTimeout(timeoutMillis);
    hikari.setValidationTimeout(Math.min(timeoutMillis, 5_000));
    // Fail in the constructor, within the timeout, rather than on first use.
    hikari.setInitializationFailTimeout(timeoutMillis);
    hikari.addDataSourceProperty("connectTimeout", timeoutSeconds);
    hikari.addDataSourceProperty("loginTimeout", timeoutSeconds);
    hikari.addDataSourceProperty("tcpKeepAlive", true);
    hikari.addDataSourceProperty("ApplicationName", "sharewise");
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw Failures.cannotConnect(url, user, password, e);
    }
  }

  private static void migrate(HikariDataSource pool, String url, String password) {
    try {
      MigrateResult result =
          Flyway.configure(Store.class.getClassLoader())
              .dataSource(pool)
              .locations(MIGRATIONS)
              .load()
              .migrate();
      LOG.info(
          "database schema at version {} ({} migrations applied now)",
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException e) {
      throw Failures.cannotMigrate(url, password, e);
    }
  }

  private static void release(
      HikariDataSource pool, EmbeddedPostgresServer embedded, RuntimeException failure) {
    try {
      if (pool != null) {
        pool.close();
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    try {
      if (embedded != null) {
        embedded.stop();
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}

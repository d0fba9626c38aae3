package com.sharewise.store;

import com.sharewise.store.internal.JdbcUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * <p>With no {@code jdbcUrl} (null or blank) the store runs an <em>embedded</em> PostgreSQL whose
 * files live in {@code dataDirectory.resolve("postgres")} and survive restarts; {@code user} and
 * {@code password} are then ignored. With a {@code jdbcUrl} the store connects to that
 * <em>external</em> server and {@code dataDirectory} may be null.
 *
 * <p>The constructor validates and throws {@link IllegalArgumentException} with a message naming
 * the bad setting. {@link #toString()} never shows the password (nor a {@code password=} parameter
 * inside the URL), so a config may be logged.
 *
 * @param jdbcUrl {@code jdbc:postgresql:...} of an external server, or null/blank for embedded
 * @param user database user for the external server (may be null if the URL carries it)
 * @param password password for the external server, may be null
 * @param dataDirectory the platform's data directory; required for embedded mode
 * @param maxPoolSize the most connections the pool keeps open, at least {@value #MIN_POOL_SIZE}
 *     (Flyway holds two connections while it migrates)
 * @param connectTimeout how long opening the store, or borrowing a connection, may wait for the
 *     server before failing; at least 250 ms
 */
public record StoreConfig(
    String jdbcUrl,
    String user,
    String password,
    Path dataDirectory,
    int maxPoolSize,
    Duration connectTimeout) {

  /** Pool size used by the factory methods. */
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  /** Connect timeout used by the factory methods. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The smallest pool that can run the migrations: Flyway needs two connections at once. */
  public static final int MIN_POOL_SIZE = 2;

  /** The smallest connect timeout the connection pool accepts. */
  public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);

  private static final String URL_PREFIX = "jdbc:postgresql:";

  /** Normalises blank strings to null and validates every setting. */
  public StoreConfig {
    jdbcUrl = blankToNull(jdbcUrl);
    user = blankToNull(user);
    if (jdbcUrl != null && !jdbcUrl.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with '"
              + URL_PREFIX
              + "' but was '"
              + JdbcUrls.redact(jdbcUrl)
              + "'");
    }
    if (jdbcUrl == null && dataDirectory == null) {
      throw new IllegalArgumentException(
          "dataDirectory is required when no jdbcUrl is set (embedded PostgreSQL keeps its files"
              + " there)");
    }
    if (maxPoolSize < MIN_POOL_SIZE) {
      throw new IllegalArgumentException(
          "maxPoolSize must be at least "
              + MIN_POOL_SIZE
              + " (schema migration holds two connections) but was "
              + maxPoolSize);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.compareTo(MIN_CONNECT_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "connectTimeout must be at least "
              + MIN_CONNECT_TIMEOUT.toMillis()
              + " ms but was "
              + connectTimeout.toMillis()
              + " ms");
    }
  }

  /**
   * An embedded PostgreSQL under {@code dataDirectory/postgres}, with default pool settings.
   *
   * @param dataDirectory the platform's data directory
   * @return the config
   */
  public static StoreConfig embedded(Path dataDirectory) {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    return new StoreConfig(
        null, null, null, dataDirectory, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * An external PostgreSQL server, with default pool settings.
   *
   * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
   * @param user the database user, may be null
   * @param password the password, may be null
   * @return the config
   */
  public static StoreConfig external(String jdbcUrl, String user, String password) {
    if (blankToNull(jdbcUrl) == null) {
      throw new IllegalArgumentException("jdbcUrl is required for an external database");
    }
    return new StoreConfig(
        jdbcUrl, user, password, null, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * @param size the new pool size
   * @return a copy with another pool size
   */
  public StoreConfig withMaxPoolSize(int size) {
    return new StoreConfig(jdbcUrl, user, password, dataDirectory, size, connectTimeout);
  }

  /**
   * @param timeout the new connect timeout
   * @return a copy with another connect timeout
   */
  public StoreConfig withConnectTimeout(Duration timeout) {
    return new StoreConfig(jdbcUrl, user, password, dataDirectory, maxPoolSize, timeout);
  }

  /**
   * @return true when the store will run its own PostgreSQL (no JDBC URL set)
   */
  public boolean isEmbedded() {
    return jdbcUrl == null;
  }

  /** Shows every setting except the password, which appears as {@code ****} when set. */
  @Override
  public String toString() {
    return "StoreConfig[jdbcUrl="
        + (jdbcUrl == null ? null : JdbcUrls.redact(jdbcUrl))
        + ", user="
        + user
        + ", password="
        + (password == null ? null : JdbcUrls.MASK)
        + ", dataDirectory="
        + dataDirectory
        + ", maxPoolSize="
        + maxPoolSize
        + ", connectTimeout="
        + connectTimeout
        + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

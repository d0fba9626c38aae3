package com.sharewise.store.internal;

import com.sharewise.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with what a crash leaves in a PostgreSQL data directory.
 *
 * <p>Two cases matter. If the PostgreSQL server was killed, {@code postmaster.pid} stays behind;
 * PostgreSQL removes it itself unless its PID now belongs to another live process, so a file whose
 * PID is dead or is not a PostgreSQL server for this directory is deleted here. If the JVM hosting
 * the store was killed, the server it started keeps running (orphaned) and holds the directory; it
 * is shut down here (SIGTERM, then SIGKILL) so the new start can take over.
 *
 * <p>When the owner of the PID cannot be inspected the file is left alone: deleting the lock of a
 * live server would let two servers write the same files. Callers must first make sure no live
 * store owns the directory (see {@link EmbeddedPostgresServer}), or a healthy server would be shut
 * down here.
 */
public final class Postmasters {
  static final String PID_FILE = "postmaster.pid";
  private static final Logger LOG = LoggerFactory.getLogger(Postmasters.class);

  /** Who owns the PID written in a {@code postmaster.pid}. */
  enum Owner {
    /** No such process. */
    NONE,
    /** A PostgreSQL server running on this data directory. */
    THIS_DIRECTORY,
    /** Some other live process: the PID was reused. */
    OTHER,
    /** A live process that cannot be inspected. */
    UNKNOWN
  }

  private Postmasters() {}

  /**
   * Makes the data directory startable after a crash; no-op when there is no {@code
   * postmaster.pid}.
   *
   * @param dataDirectory the PostgreSQL data directory
   * @param wait how long a leftover server gets to shut down before it is killed
   */
  public static void clearLeftovers(Path dataDirectory, Duration wait) {
    Path pidFile = dataDirectory.resolve(PID_FILE);
    OptionalLong pid = readPid(dataDirectory);
    if (pid.isEmpty()) {
      if (Files.exists(pidFile)) {
        LOG.warn("removing unreadable {}", pidFile);
        deleteQuietly(pidFile);
      }
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong());
    switch (ownerOf(process.orElse(null), dataDirectory)) {
      case NONE -> {
        LOG.info("removing stale {} (PID {} is not running)", pidFile, pid.getAsLong());
        deleteQuietly(pidFile);
      }
      case OTHER -> {
        LOG.info(
            "removing stale {} (PID {} now belongs to another program)", pidFile, pid.getAsLong());
        deleteQuietly(pidFile);
      }
      case THIS_DIRECTORY -> {
        LOG.warn(
            "PostgreSQL (PID {}) from an earlier run is still serving {}; shutting it down",
            pid.getAsLong(),
            dataDirectory);
        stop(process.orElseThrow(), wait);
      }
      case UNKNOWN ->
          LOG.warn(
              "{} names live PID {} that cannot be inspected; leaving it for PostgreSQL to judge",
              pidFile,
              pid.getAsLong());
      default -> throw new IllegalStateException();
    }
  }

  /**
   * @param dataDirectory the PostgreSQL data directory
   * @return the PID in its {@code postmaster.pid}, empty if the file is absent or unreadable
   */
  public static OptionalLong readPid(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve(PID_FILE);
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Stops a server and waits for it: SIGTERM (PostgreSQL's "smart" shutdown, which finishes once no
   * client is left), then SIGKILL for it and its children when {@code wait} runs out.
   *
   * @param postmaster the server process
   * @param wait how long a graceful shutdown may take
   */
  public static void stop(ProcessHandle postmaster, Duration wait) {
    List<ProcessHandle> children = postmaster.descendants().toList();
    postmaster.destroy();
    if (awaitExit(postmaster, wait)) {
      return;
    }
    LOG.warn(
        "PostgreSQL (PID {}) did not stop within {} s; killing it",
        postmaster.pid(),
        wait.toSeconds());
    postmaster.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(postmaster, Duration.ofSeconds(10))) {
      throw new StoreException("cannot stop PostgreSQL process " + postmaster.pid());
    }
    for (ProcessHandle child : children) {
      awaitExit(child, Duration.ofSeconds(5));
    }
  }

  /**
   * @param process a process
   * @param wait the longest wait
   * @return true when the process is gone
   */
  public static boolean awaitExit(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  static Owner ownerOf(ProcessHandle process, Path dataDirectory) {
    if (process == null || !process.isAlive()) {
      return Owner.NONE;
    }
    ProcessHandle.Info info = process.info();
    Optional<String> command = info.command();
    if (command.isEmpty()) {
      return Owner.UNKNOWN;
    }
    Path executable = Path.of(command.get()).getFileName();
    if (executable == null || !executable.toString().equals("postgres")) {
      return Owner.OTHER;
    }
    Optional<String[]> arguments = info.arguments();
    if (arguments.isEmpty()) {
      return Owner.UNKNOWN;
    }
    return servesDirectory(arguments.get(), dataDirectory) ? Owner.THIS_DIRECTORY : Owner.OTHER;
  }

  static boolean servesDirectory(String[] arguments, Path dataDirectory) {
    Path wanted = dataDirectory.toAbsolutePath().normalize();
    for (int i = 0; i + 1 < arguments.length; i++) {
      if (arguments[i].equals("-D") && samePath(arguments[i + 1], wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePath(String argument, Path wanted) {
    try {
      return Path.of(argument).toAbsolutePath().normalize().equals(wanted);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", file, e.toString());
    }
  }
}

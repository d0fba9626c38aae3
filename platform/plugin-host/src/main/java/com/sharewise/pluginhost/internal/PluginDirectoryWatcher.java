package com.sharewise.pluginhost.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import com.sharewise.pluginhost.internal.FileStabilizer.Changes;
import com.sharewise.pluginhost.internal.FileStabilizer.Stamp;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder on its own thread: a {@link WatchService} for quick reaction plus a
 * full rescan every {@code rescanInterval} as a fallback (missed or overflowed events, file systems
 * without notifications). Changes are debounced by {@link FileStabilizer} and handed to the {@link
 * Handler}; a handler failure is logged and never stops the watcher.
 */
final class PluginDirectoryWatcher implements AutoCloseable {

  /** Receives settled changes, on the watcher thread. */
  interface Handler {
    void changed(Path file);

    void deleted(Path file);
  }

  private static final Logger LOG = LoggerFactory.getLogger(PluginDirectoryWatcher.class);
  private static final long SETTLING_POLL_MILLIS = 50;

  private final Path directory;
  private final Handler handler;
  private final Duration rescanInterval;
  private final FileStabilizer stabilizer;
  private final Thread thread;
  private volatile boolean running;
  private WatchService watchService;
  private boolean listingFailed;

  PluginDirectoryWatcher(
      Path directory, Handler handler, Duration quietPeriod, Duration rescanInterval) {
    this.directory = directory;
    this.handler = handler;
    this.rescanInterval = rescanInterval;
    this.stabilizer = new FileStabilizer(quietPeriod.toNanos());
    this.thread = new Thread(this::run, "plugin-folder-watcher");
    this.thread.setDaemon(true);
  }

  /** Records the folder as it is now as already synced; call before the boot install reads it. */
  Map<Path, Stamp> seed() {
    Map<Path, Stamp> listing = list();
    listing = listing == null ? Map.of() : listing;
    stabilizer.seed(listing, System.nanoTime());
    return listing;
  }

  void start() {
    try {
      watchService = directory.getFileSystem().newWatchService();
      directory.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn(
          "No file notifications for {} ({}); rescanning every {}", directory, e, rescanInterval);
      watchService = null;
    }
    running = true;
    thread.start();
    LOG.info("Watching plugins folder {}", directory);
  }

  boolean isRunning() {
    return running && thread.isAlive();
  }

  @Override
  public void close() {
    running = false;
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        LOG.debug("Closing the watch service: {}", e.toString());
      }
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    boolean settling = false;
    while (running) {
      try {
        waitForEvents(settling ? SETTLING_POLL_MILLIS : rescanInterval.toMillis());
        if (!running) {
          break;
        }
        Map<Path, Stamp> listing = list();
        if (listing == null) {
          settling = false;
          continue;
        }
        Changes changes = stabilizer.observe(listing, System.nanoTime());
        changes.removed().forEach(file -> handle(file, true));
        changes.ready().forEach(file -> handle(file, false));
        settling = changes.settling();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        break;
      } catch (RuntimeException e) {
        LOG.error("Plugins folder watcher error; continuing", e);
        settling = false;
      }
    }
    LOG.info("Stopped watching plugins folder {}", directory);
  }

  private void waitForEvents(long millis) throws InterruptedException {
    if (watchService == null) {
      Thread.sleep(millis);
      return;
    }
    WatchKey key = watchService.poll(millis, TimeUnit.MILLISECONDS);
    while (key != null) {
      key.pollEvents(); // contents do not matter: every wake-up rescans the whole folder
      if (!key.reset()) {
        LOG.warn("Plugins folder {} is no longer watchable; rescanning only", directory);
      }
      key = watchService.poll();
    }
  }

  private void handle(Path file, boolean deleted) {
    try {
      if (deleted) {
        handler.deleted(file);
      } else {
        handler.changed(file);
      }
    } catch (RuntimeException e) {
      LOG.error("Handling plugins folder change of {} failed", file.getFileName(), e);
    }
  }

  /** The folder's jars, or null when it cannot be listed (never mistake that for "all deleted"). */
  private Map<Path, Stamp> list() {
    Map<Path, Stamp> listing = new HashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(PluginFiles::isPluginFile).forEach(file -> stamp(file, listing));
      listingFailed = false;
    } catch (IOException e) {
      if (!listingFailed) {
        LOG.warn("Cannot list plugins folder {}: {}", directory, e.toString());
      }
      listingFailed = true;
      return null;
    }
    return listing;
  }

  private static void stamp(Path file, Map<Path, Stamp> listing) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        listing.put(
            file,
            new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
      }
    } catch (IOException gone) {
      LOG.debug("{} vanished while listing", file.getFileName());
    }
  }
}

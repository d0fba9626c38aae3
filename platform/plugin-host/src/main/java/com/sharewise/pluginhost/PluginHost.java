package com.sharewise.pluginhost;

import com.sharewise.pluginhost.PluginException.Reason;
import com.sharewise.pluginhost.internal.EventDispatcher;
import com.sharewise.pluginhost.internal.PluginFiles;
import com.sharewise.pluginhost.internal.PluginRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin host: an embedded OSGi framework that runs plugin bundles, fed by a watched plugins
 * folder and by explicit install, update and uninstall calls.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #start()} boots the framework with a wiped cache. The system bundle exports only the
 *       SPI packages (with their versions), ta4j and the SLF4J API. Then the system bundles
 *       (Declarative Services) start, then every {@code *.jar} in the plugins folder is installed
 *       and started, then the folder is watched: a new jar is installed, a changed one updates its
 *       plugin, a deleted one uninstalls it.
 *   <li>A plugin that fails (not a bundle, missing package, activator throws) never stops the host:
 *       a call to {@link #install} or {@link #update} is refused with a {@link PluginException} and
 *       changes nothing; a file dropped in the folder is listed as {@link PluginState#FAILED} with
 *       the reason. A failed update keeps the previous version running.
 *   <li>Services that plugins register are reached through {@link #track} (whiteboard pattern).
 * </ul>
 *
 * <h2>Threading</h2>
 *
 * All methods are thread-safe. Lifecycle operations (from callers and from the folder watcher) run
 * one at a time on a single lifecycle thread; the calling methods block until their operation has
 * finished, at most {@link PluginHostConfig#startTimeout()} (then {@link Reason#TIMEOUT}). Queries
 * ({@link #plugins()}, {@link #health()}) do not wait for operations. {@link PluginListener}s are
 * called on their own notification thread.
 */
public final class PluginHost implements AutoCloseable {

  /** Largest jar {@link #install} and {@link #update} accept. */
  public static final int MAX_JAR_BYTES = 128 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final PluginHostConfig config;
  private final Clock clock;
  private final EventDispatcher events = new EventDispatcher();
  private final Object lock = new Object();
  private volatile PluginRuntime runtime;
  private boolean closed;

  public PluginHost(PluginHostConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock stamps {@link PluginInfo#updatedAt()}
   */
  public PluginHost(PluginHostConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Boots the framework, starts the system bundles, installs the plugins folder and starts watching
   * it. Returns when the folder's plugins have been installed (or have failed).
   *
   * @throws IllegalStateException when already started or closed, or when the framework does not
   *     start
   */
  public void start() {
    synchronized (lock) {
      if (closed || runtime != null) {
        throw new IllegalStateException(
            closed ? "plugin host closed" : "plugin host already started");
      }
      long started = System.nanoTime();
      try {
        Files.createDirectories(config.pluginsDirectory());
        Files.createDirectories(config.cacheDirectory());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create the plugin folders: " + e, e);
      }
      runtime = PluginRuntime.boot(config, clock, events);
      PluginHostHealth health = runtime.health();
      LOG.info(
          "Plugin host started in {} ms on {}: {}",
          (System.nanoTime() - started) / 1_000_000,
          config.pluginsDirectory(),
          health.detail());
    }
  }

  /** All known plugins, including FAILED ones, ordered by id. Empty before {@link #start()}. */
  public List<PluginInfo> plugins() {
    PluginRuntime current = runtime;
    return current == null ? List.of() : current.plugins();
  }

  /** The plugin with this id (bundle symbolic name), if known. */
  public Optional<PluginInfo> plugin(String id) {
    PluginRuntime current = runtime;
    return current == null ? Optional.empty() : current.plugin(id);
  }

  /**
   * Installs and starts a new plugin, then writes it into the plugins folder as {@code fileName}.
   *
   * @param fileName a plain jar file name such as {@code my-strategy-1.0.jar}; null for {@code
   *     <symbolic name>-<version>.jar}
   * @param jar the jar's bytes; read fully, not closed
   * @return the plugin, {@link PluginState#ACTIVE}
   * @throws PluginException refused ({@code NOT_A_BUNDLE}, {@code ALREADY_INSTALLED}, {@code
   *     UNRESOLVED}, {@code START_FAILED}…); nothing is left behind, neither bundle nor file
   */
  public PluginInfo install(String fileName, InputStream jar) {
    byte[] content = read(jar);
    if (fileName != null && !PluginFiles.isValidFileName(fileName)) {
      throw new PluginException(
          Reason.INVALID_REQUEST, "'" + fileName + "' is not a plain .jar file name");
    }
    return running().install(fileName, content);
  }

  /**
   * Replaces a plugin with a new version of it (same symbolic name): stops it, updates and
   * refreshes the bundle, starts it, then replaces its file.
   *
   * @param id the plugin's symbolic name
   * @throws PluginException {@code NOT_FOUND}, {@code NOT_A_BUNDLE}, {@code
   *     SYMBOLIC_NAME_MISMATCH}, or why the new version did not start; the previous version is then
   *     running again and its file untouched
   */
  public PluginInfo update(String id, InputStream jar) {
    Objects.requireNonNull(id, "id");
    return running().update(id, read(jar));
  }

  /**
   * Stops and removes a plugin and deletes its file.
   *
   * @throws PluginException {@code NOT_FOUND}
   */
  public void uninstall(String id) {
    Objects.requireNonNull(id, "id");
    running().uninstall(id);
  }

  /**
   * A live view of the services of an SPI type, e.g. {@code track(StrategyFactory.class)}. The type
   * must come from an SPI package (loaded by the host and exported to plugins), so the objects
   * plugins register are instances of it.
   *
   * @throws PluginException {@code NOT_RUNNING} before {@link #start()} or after {@link #close()}
   */
  public <S> PluginServices<S> track(Class<S> type) {
    Objects.requireNonNull(type, "type");
    return running().track(type);
  }

  /**
   * Resources a plugin ships in its bundle: every file under {@code folder} (searched recursively)
   * whose name matches {@code pattern} (OSGi {@code findEntries} syntax, e.g. {@code *.drl}), keyed
   * by its path inside the bundle, read now. The rules area reads plugins' rule files from {@code
   * OSGI-INF/rules/} this way. Empty when the plugin is unknown, failed or not running.
   *
   * @throws PluginException {@code IO_ERROR} when a file cannot be read
   */
  public Map<String, byte[]> resources(String pluginId, String folder, String pattern) {
    Objects.requireNonNull(pluginId, "pluginId");
    PluginRuntime current = runtime;
    return current == null ? Map.of() : current.resources(pluginId, folder, pattern);
  }

  /** Adds a listener for installs, updates, removals and failures (see {@link PluginListener}). */
  public void addListener(PluginListener listener) {
    events.addListener(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(PluginListener listener) {
    events.removeListener(listener);
  }

  public PluginHostHealth health() {
    PluginRuntime current = runtime;
    if (current == null) {
      return new PluginHostHealth(
          false, 0, 0, closed() ? "plugin host closed" : "plugin host not started");
    }
    return current.health();
  }

  /** Stops watching, stops every plugin and the framework (bounded waits). Idempotent. */
  @Override
  public void close() {
    PluginRuntime current;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      current = runtime;
      runtime = null;
    }
    if (current != null) {
      current.close();
    }
    events.close(config.startTimeout());
    LOG.info("Plugin host stopped");
  }

  private boolean closed() {
    synchronized (lock) {
      return closed;
    }
  }

  private PluginRuntime running() {
    PluginRuntime current = runtime;
    if (current == null) {
      throw new PluginException(Reason.NOT_RUNNING, "the plugin host is not running");
    }
    return current;
  }

  private static byte[] read(InputStream jar) {
    Objects.requireNonNull(jar, "jar");
    try {
      byte[] content = jar.readNBytes(MAX_JAR_BYTES + 1);
      if (content.length > MAX_JAR_BYTES) {
        throw new PluginException(
            Reason.INVALID_REQUEST, "the jar is larger than " + MAX_JAR_BYTES + " bytes");
      }
      return content;
    } catch (IOException e) {
      throw new PluginException(Reason.IO_ERROR, "cannot read the uploaded jar: " + e, e);
    }
  }
}

package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginHostConfig;
import com.sharewise.pluginhost.PluginHostHealth;
import com.sharewise.pluginhost.PluginInfo;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.pluginhost.PluginState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the plugin host: a started framework with its registry, lifecycle thread and folder
 * watcher, wired together. Created by {@link #boot}, ended by {@link #close}. Lifecycle methods
 * validate on the caller's thread, then run on the lifecycle thread and block until done.
 */
public final class PluginRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PluginRuntime.class);
  private static final Duration QUIET_PERIOD = Duration.ofMillis(200);
  private static final Duration RESCAN_INTERVAL = Duration.ofSeconds(2);

  private final PluginHostConfig config;
  private final Framework framework;
  private final LifecycleExecutor lifecycle;
  private final PluginRegistry registry = new PluginRegistry();
  private final PluginInfoFactory infos;
  private final PluginOperations operations;
  private final FolderSync folderSync;
  private final PluginDirectoryWatcher watcher;
  private final Set<ServiceTracking<?>> trackers = ConcurrentHashMap.newKeySet();

  private PluginRuntime(
      PluginHostConfig config, Framework framework, Clock clock, EventDispatcher events) {
    this.config = config;
    this.framework = framework;
    this.lifecycle = new LifecycleExecutor("plugin-lifecycle");
    BundleContext context = framework.getBundleContext();
    context.addFrameworkListener(PluginRuntime::logFrameworkEvent);
    BundleLifecycle bundles = new BundleLifecycle(context, config.startTimeout());
    this.infos = new PluginInfoFactory(context);
    Path directory = config.pluginsDirectory();
    this.operations = new PluginOperations(directory, registry, bundles, infos, events, clock);
    this.folderSync = new FolderSync(registry, bundles, operations, clock);
    this.watcher =
        new PluginDirectoryWatcher(
            directory,
            new PluginDirectoryWatcher.Handler() {
              @Override
              public void changed(Path file) {
                onLifecycleThread("sync " + file.getFileName(), () -> folderSync.fileChanged(file));
              }

              @Override
              public void deleted(Path file) {
                onLifecycleThread(
                    "remove " + file.getFileName(), () -> folderSync.fileDeleted(file));
              }
            },
            QUIET_PERIOD,
            RESCAN_INTERVAL);
  }

  /**
   * Starts the framework and the system bundles, installs every jar in the plugins folder (a jar
   * that fails is kept as FAILED), then starts watching the folder.
   */
  public static PluginRuntime boot(PluginHostConfig config, Clock clock, EventDispatcher events) {
    Framework framework =
        FrameworkLauncher.start(
            config.cacheDirectory(), SystemPackages.forHost(), config.systemBundlesDirectory());
    PluginRuntime runtime = new PluginRuntime(config, framework, clock, events);
    try {
      runtime.installFolder();
      return runtime;
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  private void installFolder() {
    List<Path> jars = watcher.seed().keySet().stream().sorted().toList();
    Duration timeout = config.startTimeout().multipliedBy(Math.max(1, jars.size()));
    lifecycle.call(
        "installing the plugins folder",
        () -> {
          jars.forEach(folderSync::fileChanged);
          return null;
        },
        timeout);
    watcher.start();
  }

  public List<PluginInfo> plugins() {
    return registry.all().stream()
        .map(infos::of)
        .sorted(Comparator.comparing(PluginInfo::id))
        .toList();
  }

  public Optional<PluginInfo> plugin(String id) {
    return registry.get(id).map(infos::of);
  }

  public PluginInfo install(String fileName, byte[] content) {
    BundleHeaders headers = JarValidator.inspect(content);
    String name = fileName != null ? fileName : PluginFiles.defaultFileName(headers);
    return lifecycle.call(
        "install " + headers.symbolicName(),
        () -> operations.install(name, content, headers),
        config.startTimeout());
  }

  public PluginInfo update(String id, byte[] content) {
    BundleHeaders headers = JarValidator.inspect(content);
    return lifecycle.call(
        "update " + id, () -> operations.update(id, content, headers), config.startTimeout());
  }

  public void uninstall(String id) {
    lifecycle.call(
        "uninstall " + id,
        () -> {
          operations.uninstall(id);
          return null;
        },
        config.startTimeout());
  }

  /**
   * Files of a plugin's bundle under {@code folder} (recursively) whose names match {@code
   * pattern}, by path inside the bundle, read now. Empty for an unknown or not-installed plugin.
   */
  public Map<String, byte[]> resources(String id, String folder, String pattern) {
    Optional<PluginEntry> entry = registry.get(id).filter(PluginEntry::hasBundle);
    if (entry.isEmpty()) {
      return Map.of();
    }
    Bundle bundle = framework.getBundleContext().getBundle(entry.get().bundleId());
    if (bundle == null) {
      return Map.of();
    }
    Enumeration<URL> found = bundle.findEntries(folder, pattern, true);
    Map<String, byte[]> files = new TreeMap<>();
    while (found != null && found.hasMoreElements()) {
      URL url = found.nextElement();
      try (InputStream in = url.openStream()) {
        String path = url.getPath();
        files.put(path.startsWith("/") ? path.substring(1) : path, in.readAllBytes());
      } catch (IOException e) {
        throw new PluginException(
            PluginException.Reason.IO_ERROR, "cannot read " + url + " from plugin " + id, e);
      }
    }
    return files;
  }

  public <S> PluginServices<S> track(Class<S> type) {
    ServiceTracking<S> tracking =
        new ServiceTracking<>(framework.getBundleContext(), type, trackers::remove);
    trackers.add(tracking);
    return tracking.open();
  }

  public PluginHostHealth health() {
    boolean frameworkUp = framework.getState() == Bundle.ACTIVE;
    boolean watching = watcher.isRunning();
    List<PluginInfo> plugins = plugins();
    int active = count(plugins, PluginState.ACTIVE);
    int failed = count(plugins, PluginState.FAILED);
    String detail =
        !frameworkUp
            ? "plugin framework not running"
            : !watching
                ? "plugins folder " + config.pluginsDirectory() + " not watched"
                : plugins.size() + " plugins: " + active + " active, " + failed + " failed";
    return new PluginHostHealth(frameworkUp && watching, active, failed, detail);
  }

  /** Stops the watcher, the lifecycle thread (after the running operation) and the framework. */
  @Override
  public void close() {
    watcher.close();
    lifecycle.shutdown(config.startTimeout());
    List.copyOf(trackers).forEach(ServiceTracking::close);
    FrameworkLauncher.stop(framework, config.startTimeout());
    registry.clear();
  }

  private void onLifecycleThread(String what, Runnable action) {
    try {
      lifecycle.call(
          what,
          () -> {
            action.run();
            return null;
          },
          config.startTimeout().multipliedBy(3));
    } catch (PluginException e) {
      LOG.warn("{}: {}", what, e.getMessage());
    }
  }

  private static int count(List<PluginInfo> plugins, PluginState state) {
    return (int) plugins.stream().filter(p -> p.state() == state).count();
  }

  private static void logFrameworkEvent(FrameworkEvent event) {
    if (event.getType() == FrameworkEvent.ERROR) {
      LOG.error(
          "Framework error from {}",
          event.getBundle() == null ? "?" : event.getBundle().getSymbolicName(),
          event.getThrowable());
    } else if (event.getType() == FrameworkEvent.WARNING) {
      LOG.warn(
          "Framework warning from {}",
          event.getBundle() == null ? "?" : event.getBundle().getSymbolicName(),
          event.getThrowable());
    }
  }
}

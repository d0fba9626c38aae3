package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginEvent;
import com.sharewise.pluginhost.PluginEvent.Type;
import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import com.sharewise.pluginhost.PluginInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Install, update and uninstall as requested by a caller (the REST API, the CLI): refused requests
 * change nothing, neither bundles nor files. Successful ones write the plugins folder themselves,
 * so the folder watcher later finds the content it already knows. Called on the lifecycle thread
 * only.
 */
final class PluginOperations {

  private static final Logger LOG = LoggerFactory.getLogger(PluginOperations.class);

  private final Path directory;
  private final PluginRegistry registry;
  private final BundleLifecycle bundles;
  private final PluginInfoFactory infos;
  private final EventDispatcher events;
  private final Clock clock;

  PluginOperations(
      Path directory,
      PluginRegistry registry,
      BundleLifecycle bundles,
      PluginInfoFactory infos,
      EventDispatcher events,
      Clock clock) {
    this.directory = directory;
    this.registry = registry;
    this.bundles = bundles;
    this.infos = infos;
    this.events = events;
    this.clock = clock;
  }

  PluginInfo install(String fileName, byte[] content, BundleHeaders headers) {
    String id = headers.symbolicName();
    registry
        .get(id)
        .ifPresent(
            e -> {
              throw new PluginException(
                  Reason.ALREADY_INSTALLED,
                  id + " is already installed (file " + e.file() + "); update it instead");
            });
    if (registry.byFile(fileName).isPresent() || Files.exists(directory.resolve(fileName))) {
      throw new PluginException(
          Reason.ALREADY_INSTALLED,
          "a file named " + fileName + " is already in the plugins folder");
    }
    long started = System.nanoTime();
    Bundle bundle = bundles.installAndStart(location(fileName), content, id);
    try {
      PluginFiles.writeAtomically(directory, fileName, content);
    } catch (IOException e) {
      bundles.uninstall(bundle);
      throw new PluginException(Reason.IO_ERROR, "cannot write " + fileName + ": " + e, e);
    }
    PluginEntry entry =
        PluginEntry.running(
            fileName,
            bundle.getBundleId(),
            headers,
            content,
            PluginFiles.sha256(content),
            clock.instant());
    registry.put(entry);
    LOG.info("Installed plugin {} {} in {} ms", id, headers.version(), millisSince(started));
    return fire(Type.INSTALLED, entry);
  }

  PluginInfo update(String id, byte[] content, BundleHeaders headers) {
    PluginEntry entry = require(id);
    if (!headers.symbolicName().equals(id)) {
      throw new PluginException(
          Reason.SYMBOLIC_NAME_MISMATCH,
          "the jar is plugin " + headers.symbolicName() + ", not " + id);
    }
    long started = System.nanoTime();
    String hash = PluginFiles.sha256(content);
    Bundle bundle;
    if (entry.hasBundle()) {
      bundle = bundles.bundle(entry.bundleId());
      replaceOrRollBack(entry, bundle, content, hash);
    } else {
      bundle = bundles.installAndStart(location(entry.file()), content, id);
    }
    try {
      PluginFiles.writeAtomically(directory, entry.file(), content);
    } catch (IOException e) {
      restore(entry, bundle);
      throw new PluginException(Reason.IO_ERROR, "cannot write " + entry.file() + ": " + e, e);
    }
    PluginEntry updated =
        PluginEntry.running(
            entry.file(), bundle.getBundleId(), headers, content, hash, clock.instant());
    registry.put(updated);
    LOG.info("Updated plugin {} to {} in {} ms", id, headers.version(), millisSince(started));
    return fire(Type.UPDATED, updated);
  }

  void uninstall(String id) {
    PluginEntry entry = require(id);
    forget(entry);
    try {
      Files.deleteIfExists(directory.resolve(entry.file()));
    } catch (IOException e) {
      throw new PluginException(
          Reason.IO_ERROR,
          id + " was uninstalled but " + entry.file() + " could not be deleted",
          e);
    }
  }

  /** Uninstalls a plugin's bundle and forgets it, leaving its file alone. */
  void forget(PluginEntry entry) {
    PluginInfo last = infos.of(entry);
    if (entry.hasBundle()) {
      Bundle bundle = bundles.bundle(entry.bundleId());
      if (bundle != null) {
        bundles.uninstall(bundle);
      }
    }
    registry.remove(entry.id());
    LOG.info("Uninstalled plugin {} ({})", entry.id(), entry.file());
    events.fire(new PluginEvent(Type.UNINSTALLED, last));
  }

  /**
   * Replaces a running plugin's bundle; when the new content fails, puts the old content back and
   * records the error (the plugin stays ACTIVE if the rollback worked, else it is FAILED).
   *
   * @throws PluginException why the new content failed
   */
  void replaceOrRollBack(PluginEntry entry, Bundle bundle, byte[] content, String hash) {
    try {
      bundles.replace(bundle, content, entry.id());
    } catch (PluginException failure) {
      boolean restored = restore(entry, bundle);
      String error =
          "update failed: "
              + failure.getMessage()
              + (restored ? "; previous version kept running" : "; previous version did not start");
      PluginEntry failed = entry.withFailedUpdate(hash, !restored, error, clock.instant());
      registry.put(failed);
      fire(Type.FAILED, failed);
      throw new PluginException(failure.reason(), error, failure);
    }
  }

  PluginInfo fire(Type type, PluginEntry entry) {
    PluginInfo info = infos.of(entry);
    events.fire(new PluginEvent(type, info));
    return info;
  }

  String location(String fileName) {
    return directory.resolve(fileName).toUri().toString();
  }

  private boolean restore(PluginEntry entry, Bundle bundle) {
    if (entry.content() == null) {
      return false;
    }
    try {
      bundles.replace(bundle, entry.content(), entry.id());
      return true;
    } catch (PluginException rollback) {
      LOG.error("Plugin {}: restoring the previous version failed too", entry.id(), rollback);
      return false;
    }
  }

  private PluginEntry require(String id) {
    return registry
        .get(id)
        .orElseThrow(() -> new PluginException(Reason.NOT_FOUND, "no plugin " + id));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}

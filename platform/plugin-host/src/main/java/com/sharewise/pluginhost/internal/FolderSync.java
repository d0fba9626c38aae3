package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginEvent.Type;
import com.sharewise.pluginhost.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the plugins to what the folder holds: a new file is installed, a changed one updates its
 * plugin, a deleted one uninstalls it. The folder cannot refuse a file, so a file that is not a
 * bundle or does not start is kept as a FAILED plugin with the reason; a file whose content equals
 * what is installed (or what already failed) is left alone. Never throws. Called on the lifecycle
 * thread only.
 */
final class FolderSync {

  private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);

  private final PluginRegistry registry;
  private final BundleLifecycle bundles;
  private final PluginOperations operations;
  private final Clock clock;

  FolderSync(
      PluginRegistry registry, BundleLifecycle bundles, PluginOperations operations, Clock clock) {
    this.registry = registry;
    this.bundles = bundles;
    this.operations = operations;
    this.clock = clock;
  }

  /** A jar appeared or changed (and has been stable for a moment). */
  void fileChanged(Path file) {
    String fileName = file.getFileName().toString();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException gone) {
      fileDeleted(file);
      return;
    } catch (IOException e) {
      LOG.warn("Cannot read plugin file {}: {}", file, e.toString());
      return;
    }
    String hash = PluginFiles.sha256(content);
    Optional<PluginEntry> existing = registry.byFile(fileName);
    if (existing.isPresent()
        && (hash.equals(existing.get().hash()) || hash.equals(existing.get().attemptedHash()))) {
      LOG.debug("Plugin file {} unchanged", fileName);
      return;
    }
    try {
      if (existing.isEmpty()) {
        install(fileName, content, hash);
      } else {
        update(existing.get(), content, hash);
      }
    } catch (RuntimeException e) {
      LOG.error("Syncing plugin file {} failed", fileName, e);
    }
  }

  /** A jar disappeared. */
  void fileDeleted(Path file) {
    String fileName = file.getFileName().toString();
    registry
        .byFile(fileName)
        .ifPresent(
            entry -> {
              try {
                operations.forget(entry);
              } catch (RuntimeException e) {
                LOG.error(
                    "Removing plugin {} after {} was deleted failed", entry.id(), fileName, e);
              }
            });
  }

  private void install(String fileName, byte[] content, String hash) {
    long started = System.nanoTime();
    BundleHeaders headers;
    try {
      headers = JarValidator.inspect(content);
    } catch (PluginException e) {
      failed(
          PluginEntry.notInstalled(
              fileName, fileName, null, hash, e.getMessage(), clock.instant()));
      return;
    }
    String id = headers.symbolicName();
    Optional<PluginEntry> clash = registry.get(id);
    if (clash.isPresent()) {
      String error = id + " is already installed from " + clash.get().file();
      failed(PluginEntry.notInstalled(fileName, fileName, headers, hash, error, clock.instant()));
      return;
    }
    try {
      Bundle bundle = bundles.installAndStart(operations.location(fileName), content, id);
      PluginEntry entry =
          PluginEntry.running(
              fileName, bundle.getBundleId(), headers, content, hash, clock.instant());
      registry.put(entry);
      LOG.info(
          "Installed plugin {} {} from {} in {} ms",
          id,
          headers.version(),
          fileName,
          (System.nanoTime() - started) / 1_000_000);
      operations.fire(Type.INSTALLED, entry);
    } catch (PluginException e) {
      failed(
          PluginEntry.notInstalled(id, fileName, headers, hash, e.getMessage(), clock.instant()));
    }
  }

  private void update(PluginEntry entry, byte[] content, String hash) {
    BundleHeaders headers;
    try {
      headers = JarValidator.inspect(content);
    } catch (PluginException e) {
      if (entry.hasBundle()) {
        String error = "update failed: " + e.getMessage() + "; previous version kept running";
        failed(entry.withFailedUpdate(hash, false, error, clock.instant()));
      } else {
        replaceEntry(
            entry,
            PluginEntry.notInstalled(
                entry.file(), entry.file(), null, hash, e.getMessage(), clock.instant()));
      }
      return;
    }
    if (!entry.hasBundle() || !headers.symbolicName().equals(entry.id())) {
      // A different plugin under the same file name, or a retry of one that never started.
      if (entry.hasBundle()) {
        operations.forget(entry);
      } else {
        registry.remove(entry.id());
      }
      install(entry.file(), content, hash);
      return;
    }
    long started = System.nanoTime();
    try {
      operations.replaceOrRollBack(entry, bundles.bundle(entry.bundleId()), content, hash);
    } catch (PluginException e) {
      return; // recorded and announced as FAILED
    }
    PluginEntry updated =
        PluginEntry.running(
            entry.file(), entry.bundleId(), headers, content, hash, clock.instant());
    registry.put(updated);
    LOG.info(
        "Updated plugin {} to {} from {} in {} ms",
        entry.id(),
        headers.version(),
        entry.file(),
        (System.nanoTime() - started) / 1_000_000);
    operations.fire(Type.UPDATED, updated);
  }

  private void replaceEntry(PluginEntry old, PluginEntry replacement) {
    registry.remove(old.id());
    failed(replacement);
  }

  private void failed(PluginEntry entry) {
    registry.put(entry);
    LOG.warn("Plugin file {} not running: {}", entry.file(), entry.lastError());
    operations.fire(Type.FAILED, entry);
  }
}

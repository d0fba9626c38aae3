package com.sharewise.pluginhost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the plugin host keeps its files and how long it waits.
 *
 * @param pluginsDirectory the watched drop folder; every {@code *.jar} in it is a plugin. Created
 *     when missing.
 * @param cacheDirectory the framework's bundle cache, under the node's data directory; wiped on
 *     every start (plugins are reinstalled from {@code pluginsDirectory})
 * @param systemBundlesDirectory jars installed and started at boot before any plugin (the
 *     Declarative Services bundles); {@code null} or a missing folder means none, so plugins must
 *     then register their services from a {@code BundleActivator}
 * @param startTimeout bounds framework start and stop, each wiring refresh, and how long a caller
 *     waits for one lifecycle operation (queue time included)
 */
public record PluginHostConfig(
    Path pluginsDirectory,
    Path cacheDirectory,
    Path systemBundlesDirectory,
    Duration startTimeout) {

  /** The timeout used when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public PluginHostConfig {
    Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    startTimeout = startTimeout == null ? DEFAULT_TIMEOUT : startTimeout;
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
    }
    if (pluginsDirectory
        .toAbsolutePath()
        .normalize()
        .equals(cacheDirectory.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("pluginsDirectory and cacheDirectory must differ");
    }
  }
}

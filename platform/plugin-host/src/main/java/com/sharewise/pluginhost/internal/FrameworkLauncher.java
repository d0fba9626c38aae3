package com.sharewise.pluginhost.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots and stops the embedded framework: clean cache, only the host's SPI exports, Felix logging
 * to SLF4J, then the system bundles (Declarative Services) started in file-name order.
 */
public final class FrameworkLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(FrameworkLauncher.class);

  private FrameworkLauncher() {}

  /**
   * Starts a framework.
   *
   * @param cacheDirectory bundle cache (wiped)
   * @param systemPackagesExtra packages the system bundle exports in addition to the JDK's
   * @param systemBundlesDirectory jars to install and start first, or null
   * @throws IllegalStateException when the framework or a system bundle does not start
   */
  public static Framework start(
      Path cacheDirectory, String systemPackagesExtra, Path systemBundlesDirectory) {
    Map<String, Object> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, cacheDirectory.toAbsolutePath().toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra);
    config.put("felix.log.logger", new FelixLogger());
    config.put("felix.log.level", "2");
    // Felix SCR prints to stdout when no OSGi LogService is installed: warnings and errors only.
    config.put("ds.loglevel", "warn");
    Framework framework = factory().newFramework(stringMap(config));
    try {
      Files.createDirectories(cacheDirectory);
      framework.init();
      framework.start();
      for (Bundle bundle : installSystemBundles(framework, systemBundlesDirectory)) {
        bundle.start();
        LOG.info("System bundle {} {} started", bundle.getSymbolicName(), bundle.getVersion());
      }
      return framework;
    } catch (BundleException | IOException | RuntimeException e) {
      stop(framework, Duration.ofSeconds(10));
      throw new IllegalStateException("The plugin framework did not start: " + e.getMessage(), e);
    }
  }

  /** Stops the framework and waits up to {@code timeout} for it; true when it stopped in time. */
  public static boolean stop(Framework framework, Duration timeout) {
    try {
      framework.stop();
      FrameworkEvent event = framework.waitForStop(timeout.toMillis());
      boolean stopped = event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
      if (!stopped) {
        LOG.warn("The plugin framework did not stop within {}", timeout);
      }
      return stopped;
    } catch (BundleException | RuntimeException e) {
      LOG.warn("Stopping the plugin framework failed: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<Bundle> installSystemBundles(Framework framework, Path directory)
      throws IOException, BundleException {
    List<Bundle> bundles = new ArrayList<>();
    if (directory == null || !Files.isDirectory(directory)) {
      LOG.info("No system bundles directory ({}): Declarative Services not available", directory);
      return bundles;
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    for (Path jar : jars) {
      bundles.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
    }
    return bundles;
  }

  private static FrameworkFactory factory() {
    Iterator<FrameworkFactory> factories =
        ServiceLoader.load(FrameworkFactory.class, FrameworkLauncher.class.getClassLoader())
            .iterator();
    if (!factories.hasNext()) {
      throw new IllegalStateException("No OSGi FrameworkFactory on the class path (Felix missing)");
    }
    return factories.next();
  }

  // Felix accepts objects (the logger) in its configuration map; the API declares strings.
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, String> stringMap(Map<String, Object> config) {
    return (Map) config;
  }
}

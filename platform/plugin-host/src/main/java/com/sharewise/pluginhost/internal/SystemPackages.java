package com.sharewise.pluginhost.internal;

import com.sharewise.api.market.Tick;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;

/**
 * Builds the value of {@code org.osgi.framework.system.packages.extra}: the packages the system
 * bundle exports to plugins from the host's class path, and nothing else of the host.
 *
 * <p>Each list comes from the owning jar's own {@code Export-Package} header (so versions are the
 * real ones), minus {@code uses:=} directives: the SPI (version 1.x), ta4j and the SLF4J API.
 */
public final class SystemPackages {

  private static final Logger LOG = LoggerFactory.getLogger(SystemPackages.class);

  /** Used when the SLF4J API jar carries no OSGi manifest (never the case for 2.x). */
  static final String SLF4J_FALLBACK = "org.slf4j;version=\"2.0.17\"";

  private SystemPackages() {}

  /** The exports for the running host: SPI, ta4j and SLF4J packages. */
  public static String forHost() {
    List<String> clauses = new ArrayList<>();
    clauses.addAll(requiredExports(Tick.class, "the ShareWise SPI (sharewise-api)"));
    clauses.addAll(requiredExports(BarSeries.class, "ta4j-core"));
    List<String> slf4j = exportsOf(Logger.class).orElse(List.of());
    clauses.addAll(slf4j.isEmpty() ? List.of(SLF4J_FALLBACK) : slf4j);
    String extra = String.join(",", clauses);
    LOG.debug("System bundle exports: {}", extra);
    return extra;
  }

  /**
   * The {@code Export-Package} clauses (without {@code uses:=}) of the jar that holds {@code
   * anchor}.
   */
  static Optional<List<String>> exportsOf(Class<?> anchor) {
    return manifestOf(anchor)
        .map(m -> m.getMainAttributes().getValue("Export-Package"))
        .map(ManifestHeaders::exportsWithoutUses);
  }

  private static List<String> requiredExports(Class<?> anchor, String what) {
    List<String> clauses = exportsOf(anchor).orElse(List.of());
    if (clauses.isEmpty()) {
      throw new IllegalStateException(
          "No Export-Package header found for "
              + what
              + " (class "
              + anchor.getName()
              + " from "
              + location(anchor)
              + "); the host needs the OSGi bundle jar on its class path");
    }
    return clauses;
  }

  /** Reads the manifest of the jar (or classes folder) {@code anchor} was loaded from. */
  static Optional<Manifest> manifestOf(Class<?> anchor) {
    Path location = location(anchor);
    if (location == null) {
      return Optional.empty();
    }
    try {
      if (Files.isDirectory(location)) {
        Path file = location.resolve("META-INF/MANIFEST.MF");
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
          return Optional.of(new Manifest(in));
        }
      }
      try (JarFile jar = new JarFile(location.toFile(), false)) {
        return Optional.ofNullable(jar.getManifest());
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the manifest of {}: {}", location, e.toString());
      return Optional.empty();
    }
  }

  private static Path location(Class<?> anchor) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      LOG.warn("Unusable code source {} for {}", source.getLocation(), anchor.getName());
      return null;
    }
  }
}

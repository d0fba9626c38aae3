package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Checks that a jar is an installable bundle before the framework sees it: a readable zip (central
 * directory included, so a half-written file fails), with a manifest that has {@code
 * Bundle-ManifestVersion: 2}, a {@code Bundle-SymbolicName} and a valid {@code Bundle-Version}.
 * Stateless and thread-safe.
 */
public final class JarValidator {

  private JarValidator() {}

  /**
   * Validates jar bytes (written to a temporary file, since only that reads the central directory).
   */
  public static BundleHeaders inspect(byte[] jar) {
    Path temp = null;
    try {
      temp = Files.createTempFile("sharewise-plugin-", ".jar");
      Files.write(temp, jar);
      return inspect(temp);
    } catch (IOException e) {
      throw new PluginException(Reason.IO_ERROR, "cannot buffer the uploaded jar: " + e, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Validates a jar file.
   *
   * @throws PluginException with {@link Reason#NOT_A_BUNDLE} and a message saying what is wrong
   */
  public static BundleHeaders inspect(Path jar) {
    Manifest manifest;
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      // Opening reads the central directory: a truncated (half-written) archive fails here.
      manifest = file.getManifest();
    } catch (IOException | SecurityException e) {
      throw notABundle("not a readable jar (" + e.getMessage() + ")");
    }
    if (manifest == null) {
      throw notABundle("the jar has no META-INF/MANIFEST.MF");
    }
    return headers(manifest);
  }

  /** Reads and checks the OSGi headers of a manifest. */
  static BundleHeaders headers(Manifest manifest) {
    Attributes main = manifest.getMainAttributes();
    String manifestVersion = trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION));
    if (!"2".equals(manifestVersion)) {
      throw notABundle(
          manifestVersion == null
              ? "the manifest has no Bundle-ManifestVersion header (not an OSGi bundle)"
              : "Bundle-ManifestVersion is " + manifestVersion + ", expected 2");
    }
    String symbolicName = ManifestHeaders.firstPath(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
    if (symbolicName == null || symbolicName.isBlank()) {
      throw notABundle("the manifest has no Bundle-SymbolicName header");
    }
    String versionText = trim(main.getValue(Constants.BUNDLE_VERSION));
    String version;
    try {
      version = Version.parseVersion(versionText).toString();
    } catch (IllegalArgumentException e) {
      throw notABundle("Bundle-Version '" + versionText + "' is not a valid OSGi version");
    }
    return new BundleHeaders(
        symbolicName,
        version,
        trim(main.getValue(Constants.BUNDLE_NAME)),
        PluginKinds.parse(main.getValue(BundleHeaders.KIND_HEADER)));
  }

  private static PluginException notABundle(String message) {
    return new PluginException(Reason.NOT_A_BUNDLE, message);
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}

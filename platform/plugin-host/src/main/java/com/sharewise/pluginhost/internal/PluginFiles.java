package com.sharewise.pluginhost.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** File helpers for the plugins folder. Stateless. */
public final class PluginFiles {

  private static final Pattern JAR_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,199}\\.jar");

  private PluginFiles() {}

  /** True for names the host treats as plugins: {@code *.jar}, not hidden. */
  public static boolean isPluginFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".jar") && !name.startsWith(".");
  }

  /** True for a plain jar file name without path parts, e.g. {@code my-plugin-1.0.jar}. */
  public static boolean isValidFileName(String name) {
    return name != null && JAR_NAME.matcher(name).matches() && !name.contains("..");
  }

  /** {@code <symbolic name>-<version>.jar} with unusual characters replaced. */
  public static String defaultFileName(BundleHeaders headers) {
    String base =
        (headers.symbolicName() + "-" + headers.version()).replaceAll("[^A-Za-z0-9._+-]", "_");
    return base.replaceAll("^[^A-Za-z0-9]+", "") + ".jar";
  }

  /** SHA-256 of {@code content} as lower-case hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * Writes {@code content} to {@code directory/fileName} so that readers (the folder watcher) see
   * either the old file or the complete new one: a hidden temporary file, then an atomic rename.
   */
  public static void writeAtomically(Path directory, String fileName, byte[] content)
      throws IOException {
    Path target = directory.resolve(fileName);
    Path temp = Files.createTempFile(directory, "." + fileName + "-", ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

package com.sharewise.pluginhost.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * What the host remembers about one plugin between operations. Immutable; replaced in the {@link
 * PluginRegistry} by the lifecycle thread only.
 *
 * @param id symbolic name, or the file name for a file that is not a bundle
 * @param file file name in the plugins folder
 * @param bundleId the installed bundle, or {@link #NO_BUNDLE} when the plugin failed to install
 * @param headers manifest facts, or null for a file that is not a bundle
 * @param hash SHA-256 of the content this entry stands for (running, or failed to install)
 * @param content the running jar's bytes, kept to roll a failed update back; null without bundle
 * @param attemptedHash SHA-256 of the last content that failed to replace the running one, or null
 * @param failed the last operation left the plugin not running
 * @param lastError why the last operation failed, or null
 * @param updatedAt when the entry last changed
 */
record PluginEntry(
    String id,
    String file,
    long bundleId,
    BundleHeaders headers,
    String hash,
    byte[] content,
    String attemptedHash,
    boolean failed,
    String lastError,
    Instant updatedAt) {

  static final long NO_BUNDLE = -1;

  PluginEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A running plugin. */
  static PluginEntry running(
      String file, long bundleId, BundleHeaders headers, byte[] content, String hash, Instant now) {
    return new PluginEntry(
        headers.symbolicName(), file, bundleId, headers, hash, content, null, false, null, now);
  }

  /** A plugin whose file is in the folder but could not be installed or started. */
  static PluginEntry notInstalled(
      String id, String file, BundleHeaders headers, String hash, String error, Instant now) {
    return new PluginEntry(id, file, NO_BUNDLE, headers, hash, null, null, true, error, now);
  }

  boolean hasBundle() {
    return bundleId != NO_BUNDLE;
  }

  /** This running plugin after a failed update: still running unless {@code failed}. */
  PluginEntry withFailedUpdate(String attempted, boolean stillFailed, String error, Instant now) {
    return new PluginEntry(
        id, file, bundleId, headers, hash, content, attempted, stillFailed, error, now);
  }

  // Records compare arrays by identity; entries are never compared by value.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "PluginEntry[" + id + ", file=" + file + ", bundle=" + bundleId + "]";
  }
}

package com.sharewise.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the plugin audit trail: something happened to a plugin at a point in time.
 *
 * @param pluginId the plugin's id (bundle symbolic name), never blank
 * @param version the plugin version involved, may be null (e.g. a jar that could not be read)
 * @param action what happened
 * @param detail free text for humans (error message, previous version), may be null
 * @param occurredAt when it happened; stored with microsecond precision
 */
public record PluginEvent(
    String pluginId, String version, Action action, String detail, Instant occurredAt) {

  /** What happened to the plugin. The database accepts exactly these names. */
  public enum Action {
    /** First installed. */
    INSTALLED,
    /** Replaced by another version. */
    UPDATED,
    /** Removed. */
    UNINSTALLED,
    /** Install, update, start or removal failed; see the detail. */
    FAILED
  }

  /** Validates the required fields. */
  public PluginEvent {
    if (pluginId == null || pluginId.isBlank()) {
      throw new IllegalArgumentException("pluginId must not be blank");
    }
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}

package com.sharewise.server.plugins;

import com.sharewise.store.PluginEvent;
import java.time.Instant;

/**
 * One line of a plugin's history.
 *
 * @param action INSTALLED, UPDATED, UNINSTALLED or FAILED
 * @param version the plugin version concerned
 * @param detail the error for FAILED, else null
 * @param occurredAt when it happened
 */
public record PluginEventDto(String action, String version, String detail, Instant occurredAt) {
  static PluginEventDto from(PluginEvent event) {
    return new PluginEventDto(
        event.action().name(), event.version(), event.detail(), event.occurredAt());
  }
}

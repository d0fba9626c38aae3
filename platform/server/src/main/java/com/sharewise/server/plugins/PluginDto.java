package com.sharewise.server.plugins;

import com.sharewise.pluginhost.PluginInfo;
import java.time.Instant;
import java.util.List;

/**
 * A plugin as the API shows it.
 *
 * @param id the plugin's id (its bundle symbolic name), used in {@code /api/v1/plugins/{id}}
 * @param name display name
 * @param version bundle version
 * @param kind BROKER, STRATEGY, INDICATOR or OTHER
 * @param state ACTIVE, FAILED, …
 * @param services the SPI services it provides, with their descriptor ids
 * @param file the jar's file name in the plugins folder
 * @param lastError why it failed, or null
 * @param updatedAt when it was last installed, updated or changed state
 */
public record PluginDto(
    String id,
    String name,
    String version,
    String kind,
    String state,
    List<ServiceDto> services,
    String file,
    String lastError,
    Instant updatedAt) {

  /** A provided service: its SPI type and the id its descriptor gives (e.g. sma-crossover). */
  public record ServiceDto(String type, String id) {}

  static PluginDto from(PluginInfo info) {
    return new PluginDto(
        info.id(),
        info.name(),
        info.version(),
        info.kind().name(),
        info.state().name(),
        info.services().stream().map(s -> new ServiceDto(s.type(), s.id())).toList(),
        info.file(),
        info.lastError(),
        info.updatedAt());
  }
}

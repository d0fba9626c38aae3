package com.sharewise.pluginhost;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the host knows about one plugin: an immutable snapshot.
 *
 * @param id the bundle's symbolic name; for a dropped file that is not a bundle at all, its file
 *     name
 * @param name the {@code Bundle-Name}, else the id
 * @param version the bundle version, e.g. {@code 1.2.0}; {@code 0.0.0} when unknown
 * @param kind derived from the services it registers
 * @param state the lifecycle state
 * @param services the SPI services it registers now, ordered by type then id
 * @param file the jar's file name in the plugins folder
 * @param lastError why the last operation on it failed, or {@code null}; a plugin can be {@link
 *     PluginState#ACTIVE} with an error when an update failed and the previous version was kept
 * @param updatedAt when it was last installed, updated or failed (host clock)
 */
public record PluginInfo(
    String id,
    String name,
    String version,
    PluginKind kind,
    PluginState state,
    List<ProvidedService> services,
    String file,
    String lastError,
    Instant updatedAt) {
  public PluginInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    name = name == null ? id : name;
    version = version == null ? "0.0.0" : version;
    services = services == null ? List.of() : List.copyOf(services);
  }
}

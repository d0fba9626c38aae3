package com.sharewise.pluginhost;

import java.util.Objects;

/**
 * One service of an SPI type registered by a plugin.
 *
 * @param pluginId the providing plugin's id (bundle symbolic name)
 * @param pluginVersion the providing plugin's version
 * @param serviceId the framework's service id; unique for the framework's lifetime, so a new id for
 *     the same plugin means a new registration (for example after an update)
 * @param service the service object; do not keep it after {@link PluginServiceListener#removed} was
 *     called for it
 * @param <S> the SPI type
 */
public record PluginService<S>(String pluginId, String pluginVersion, long serviceId, S service) {
  public PluginService {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(service, "service");
  }
}

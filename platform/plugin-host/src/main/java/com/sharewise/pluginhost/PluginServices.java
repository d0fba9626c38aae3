package com.sharewise.pluginhost;

import java.util.List;

/**
 * Live view of the services of one SPI type that plugins register (whiteboard pattern): the
 * platform picks up whatever is registered, plugins never call a registry.
 *
 * <p>Thread-safe. Close it when no longer needed; the host closes every view when it closes.
 *
 * @param <S> the SPI type, e.g. {@code StrategyFactory}
 */
public interface PluginServices<S> extends AutoCloseable {

  /** The SPI type tracked. */
  Class<S> type();

  /** The services registered now, ordered by plugin id then service id. */
  List<PluginService<S>> snapshot();

  /** The services of one plugin, in registration order. */
  default List<S> of(String pluginId) {
    return snapshot().stream()
        .filter(s -> s.pluginId().equals(pluginId))
        .map(PluginService::service)
        .toList();
  }

  /**
   * Adds a listener and calls its {@link PluginServiceListener#added} for every service tracked
   * now, before any later change.
   */
  void addListener(PluginServiceListener<S> listener);

  void removeListener(PluginServiceListener<S> listener);

  /** Stops tracking; listeners get {@code removed} for every tracked service. */
  @Override
  void close();
}

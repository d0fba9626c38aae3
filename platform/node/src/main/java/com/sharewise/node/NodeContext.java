package com.sharewise.node;

import com.sharewise.grid.Grid;
import com.sharewise.node.config.NodeConfig;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.store.Store;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an area gets when it starts: the core parts, the clock, the configuration, and the services
 * earlier areas published (for example the quote book, which the order area needs). Used only
 * during start-up, from one thread.
 */
public final class NodeContext {

  private final NodeConfig config;
  private final Clock clock;
  private final Store store;
  private final Grid grid;
  private final PluginHost plugins;
  private final Map<Class<?>, Object> services = new LinkedHashMap<>();

  NodeContext(NodeConfig config, Clock clock, Store store, Grid grid, PluginHost plugins) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.grid = grid;
    this.plugins = plugins;
  }

  public NodeConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Store store() {
    return store;
  }

  public Grid grid() {
    return grid;
  }

  public PluginHost plugins() {
    return plugins;
  }

  /** Publishes a service for areas started later. One instance per type. */
  public <T> void publish(Class<T> type, T service) {
    if (services.putIfAbsent(type, service) != null) {
      throw new IllegalStateException(type.getName() + " is already published");
    }
  }

  /**
   * A service an earlier area published.
   *
   * @throws IllegalStateException naming the type when no area published it (a start order bug)
   */
  public <T> T require(Class<T> type) {
    Object service = services.get(type);
    if (service == null) {
      throw new IllegalStateException(
          type.getName() + " is not published by any area started before this one");
    }
    return type.cast(service);
  }
}

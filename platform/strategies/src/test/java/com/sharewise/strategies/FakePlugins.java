package com.sharewise.strategies;

import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Strategy plugins a test installs, updates and removes, told to listeners as the host would. */
final class FakePlugins implements PluginServices<StrategyFactory> {

  private final List<PluginService<StrategyFactory>> services = new CopyOnWriteArrayList<>();
  private final List<PluginServiceListener<StrategyFactory>> listeners =
      new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  /** Registers {@code factory} as plugin {@code pluginId} at {@code version}. */
  PluginService<StrategyFactory> install(String pluginId, String version, StrategyFactory factory) {
    PluginService<StrategyFactory> service =
        new PluginService<>(pluginId, version, ids.incrementAndGet(), factory);
    services.add(service);
    listeners.forEach(l -> l.added(service));
    return service;
  }

  /** Unregisters the service, as when its plugin stops. */
  void remove(PluginService<StrategyFactory> service) {
    services.remove(service);
    listeners.forEach(l -> l.removed(service));
  }

  @Override
  public Class<StrategyFactory> type() {
    return StrategyFactory.class;
  }

  @Override
  public List<PluginService<StrategyFactory>> snapshot() {
    return List.copyOf(services);
  }

  @Override
  public void addListener(PluginServiceListener<StrategyFactory> listener) {
    listeners.add(listener);
    services.forEach(listener::added);
  }

  @Override
  public void removeListener(PluginServiceListener<StrategyFactory> listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    listeners.clear();
  }
}

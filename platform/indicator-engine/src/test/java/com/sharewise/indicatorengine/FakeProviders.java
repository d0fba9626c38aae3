package com.sharewise.indicatorengine;

import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.util.ArrayList;
import java.util.List;

/** Indicator providers as the plugin host would track them, without a plugin host. */
final class FakeProviders implements PluginServices<IndicatorProvider> {

  private final List<PluginService<IndicatorProvider>> services = new ArrayList<>();

  FakeProviders add(String pluginId, IndicatorProvider provider) {
    services.add(new PluginService<>(pluginId, "1.0.0", services.size() + 1, provider));
    return this;
  }

  @Override
  public Class<IndicatorProvider> type() {
    return IndicatorProvider.class;
  }

  @Override
  public List<PluginService<IndicatorProvider>> snapshot() {
    return List.copyOf(services);
  }

  @Override
  public void addListener(PluginServiceListener<IndicatorProvider> listener) {
    services.forEach(listener::added);
  }

  @Override
  public void removeListener(PluginServiceListener<IndicatorProvider> listener) {}

  @Override
  public void close() {}
}

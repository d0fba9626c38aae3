package com.sharewise.marketdata;

import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.indicators.internal.EmaIndicatorProvider;
import com.sharewise.indicators.internal.RsiIndicatorProvider;
import com.sharewise.indicators.internal.SmaIndicatorProvider;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.util.List;

/** An indicator engine over the platform's indicator pack, without a plugin host. */
public final class TestIndicators implements PluginServices<IndicatorProvider> {

  private final List<PluginService<IndicatorProvider>> services =
      List.of(
          new PluginService<>("com.sharewise.indicators", "1.0.0", 1, new SmaIndicatorProvider()),
          new PluginService<>("com.sharewise.indicators", "1.0.0", 2, new EmaIndicatorProvider()),
          new PluginService<>("com.sharewise.indicators", "1.0.0", 3, new RsiIndicatorProvider()));

  /** An engine with SMA, EMA and RSI. */
  public static IndicatorEngine engine() {
    return new IndicatorEngine(new TestIndicators());
  }

  @Override
  public Class<IndicatorProvider> type() {
    return IndicatorProvider.class;
  }

  @Override
  public List<PluginService<IndicatorProvider>> snapshot() {
    return services;
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

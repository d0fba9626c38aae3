package com.sharewise.pluginhost.internal;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.PluginKind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Derives a plugin's kind from the SPI services it registers. Stateless. */
public final class PluginKinds {

  /** The SPI service types the host reports, in kind precedence order. */
  public static final List<Class<?>> SPI_TYPES =
      List.of(BrokerAdapterFactory.class, StrategyFactory.class, IndicatorProvider.class);

  private PluginKinds() {}

  /**
   * The kind for a plugin that registers services with these interface names: broker before
   * strategy before indicator; with none of them, the declared kind, else {@link PluginKind#OTHER}.
   */
  public static PluginKind derive(Collection<String> serviceTypes, Optional<PluginKind> declared) {
    if (serviceTypes.contains(BrokerAdapterFactory.class.getName())
        || serviceTypes.contains(BrokerAdapterFactory.class.getSimpleName())) {
      return PluginKind.BROKER;
    }
    if (serviceTypes.contains(StrategyFactory.class.getName())
        || serviceTypes.contains(StrategyFactory.class.getSimpleName())) {
      return PluginKind.STRATEGY;
    }
    if (serviceTypes.contains(IndicatorProvider.class.getName())
        || serviceTypes.contains(IndicatorProvider.class.getSimpleName())) {
      return PluginKind.INDICATOR;
    }
    return declared.orElse(PluginKind.OTHER);
  }

  /**
   * Parses a {@code ShareWise-Plugin-Kind} header value, case-insensitively; empty when invalid.
   */
  static Optional<PluginKind> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PluginKind.valueOf(header.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

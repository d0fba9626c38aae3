package com.sharewise.pluginhost;

/**
 * What a plugin contributes, derived from the SPI services it registers: a broker adapter factory
 * makes it a {@link #BROKER}, else a strategy factory a {@link #STRATEGY}, else an indicator
 * provider an {@link #INDICATOR}. A plugin that registers none of them (for example because it
 * failed to start) is {@link #OTHER} unless its manifest header {@code ShareWise-Plugin-Kind} names
 * a kind.
 */
public enum PluginKind {
  BROKER,
  STRATEGY,
  INDICATOR,
  OTHER
}

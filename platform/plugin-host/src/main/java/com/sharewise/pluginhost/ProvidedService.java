package com.sharewise.pluginhost;

import java.util.Objects;

/**
 * One SPI service a plugin registers.
 *
 * @param type the SPI interface's simple name, e.g. {@code StrategyFactory}
 * @param id the id from the service's descriptor, e.g. {@code sma-crossover}; {@code null} when
 *     {@code descriptor()} threw or returned null
 */
public record ProvidedService(String type, String id) {
  public ProvidedService {
    Objects.requireNonNull(type, "type");
  }
}

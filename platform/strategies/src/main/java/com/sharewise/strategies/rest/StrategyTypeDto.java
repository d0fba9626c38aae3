package com.sharewise.strategies.rest;

import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.strategies.StrategyType;
import java.util.List;

/**
 * An installed strategy type with its parameter schema.
 *
 * @param id the type's id, used when creating instances
 * @param name display name
 * @param description what it does and when it signals
 * @param pluginId the plugin that provides it
 * @param pluginVersion that plugin's version
 * @param extraTimeframes timeframes it reads besides the instance's own
 * @param parameters the parameters a trader sets
 */
public record StrategyTypeDto(
    String id,
    String name,
    String description,
    String pluginId,
    String pluginVersion,
    List<String> extraTimeframes,
    List<ParameterDto> parameters) {

  /**
   * One parameter.
   *
   * @param name its name in requests
   * @param type INTEGER, DECIMAL, BOOLEAN, TEXT or CHOICE
   * @param defaultValue the value used when none is given
   * @param min inclusive lower bound for numbers, else null
   * @param max inclusive upper bound for numbers, else null
   * @param choices the allowed values of a CHOICE, else empty
   * @param description what it does
   */
  public record ParameterDto(
      String name,
      String type,
      Object defaultValue,
      Double min,
      Double max,
      List<String> choices,
      String description) {

    static ParameterDto of(ParameterSpec spec) {
      return new ParameterDto(
          spec.name(),
          spec.type().name(),
          spec.defaultValue(),
          spec.min(),
          spec.max(),
          spec.choices(),
          spec.description());
    }
  }

  static StrategyTypeDto of(StrategyType type) {
    return new StrategyTypeDto(
        type.descriptor().id(),
        type.descriptor().name(),
        type.descriptor().description(),
        type.pluginId(),
        type.pluginVersion(),
        type.descriptor().extraTimeframes().stream().sorted().map(Timeframe::label).toList(),
        type.descriptor().parameters().stream().map(ParameterDto::of).toList());
  }
}

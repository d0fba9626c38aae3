package com.sharewise.marketdata.rest;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.param.ParameterSpec;
import java.util.List;

/**
 * An available indicator.
 *
 * @param id used in {@code /api/v1/indicators/{id}}
 * @param name display name
 * @param description one sentence
 * @param outputs the series it produces
 * @param parameters what it takes, with defaults and ranges
 * @param overlay whether it is drawn over the price chart
 */
public record IndicatorDto(
    String id,
    String name,
    String description,
    List<String> outputs,
    List<ParameterDto> parameters,
    boolean overlay) {

  /**
   * One parameter.
   *
   * @param type {@code INTEGER}, {@code DECIMAL}, {@code BOOLEAN}, {@code TEXT} or {@code CHOICE}
   */
  public record ParameterDto(
      String name,
      String type,
      String description,
      Object defaultValue,
      Double min,
      Double max,
      List<String> choices) {
    static ParameterDto of(ParameterSpec spec) {
      return new ParameterDto(
          spec.name(),
          spec.type().name(),
          spec.description(),
          spec.defaultValue(),
          spec.min(),
          spec.max(),
          spec.choices());
    }
  }

  public static IndicatorDto of(IndicatorDescriptor descriptor) {
    return new IndicatorDto(
        descriptor.id(),
        descriptor.name(),
        descriptor.description(),
        descriptor.outputs(),
        descriptor.parameters().stream().map(ParameterDto::of).toList(),
        descriptor.overlay());
  }
}

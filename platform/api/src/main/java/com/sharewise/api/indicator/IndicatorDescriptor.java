package com.sharewise.api.indicator;

import com.sharewise.api.param.ParameterSpec;
import java.util.List;
import java.util.Objects;

/**
 * Describes an indicator.
 *
 * @param id stable lower-case identifier used in the API, e.g. {@code sma}, {@code macd}
 * @param name display name, e.g. {@code Simple Moving Average}
 * @param description one sentence for users
 * @param outputs names of the series the indicator produces, e.g. {@code [value]} or {@code [macd,
 *     signal, histogram]}; never empty
 * @param parameters typed parameters with defaults and ranges
 * @param overlay true when the values are prices drawn over the candles (SMA, Bollinger), false
 *     when they belong in their own pane (RSI, MACD)
 */
public record IndicatorDescriptor(
    String id,
    String name,
    String description,
    List<String> outputs,
    List<ParameterSpec> parameters,
    boolean overlay) {
  public IndicatorDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    outputs = List.copyOf(outputs);
    parameters = List.copyOf(parameters);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException(id + ": an indicator needs at least one output");
    }
  }
}

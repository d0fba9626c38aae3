package com.sharewise.api.strategy;

import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a strategy type to traders and to the platform.
 *
 * @param id stable identifier used in APIs and the CLI, e.g. {@code sma-crossover}
 * @param name display name
 * @param description what it does and when it signals, in a sentence or two
 * @param parameters the typed parameters a trader sets, with defaults and ranges
 * @param extraTimeframes timeframes the strategy reads in addition to its instance's primary one
 *     (empty for single-timeframe strategies); the platform keeps those series up to date too
 */
public record StrategyDescriptor(
    String id,
    String name,
    String description,
    List<ParameterSpec> parameters,
    Set<Timeframe> extraTimeframes) {
  public StrategyDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    parameters = List.copyOf(parameters);
    extraTimeframes = extraTimeframes == null ? Set.of() : Set.copyOf(extraTimeframes);
  }
}

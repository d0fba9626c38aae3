package com.sharewise.strategies;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a trader asks for when creating or changing a strategy instance.
 *
 * @param accountId the account it trades for
 * @param name a name for the trader's lists; blank = the strategy type's name
 * @param strategyType the strategy type's id, e.g. {@code sma-crossover}
 * @param instruments the instruments it trades (at least one)
 * @param timeframe its primary timeframe
 * @param parameters parameter values as text; missing ones take the descriptor's defaults
 */
public record InstanceSpec(
    long accountId,
    String name,
    String strategyType,
    List<InstrumentId> instruments,
    Timeframe timeframe,
    Map<String, String> parameters) {

  public InstanceSpec {
    Objects.requireNonNull(strategyType, "strategyType");
    Objects.requireNonNull(timeframe, "timeframe");
    name = name == null ? "" : name.trim();
    instruments = instruments == null ? List.of() : List.copyOf(instruments);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}

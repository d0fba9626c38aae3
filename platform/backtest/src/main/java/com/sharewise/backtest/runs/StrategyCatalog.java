package com.sharewise.backtest.runs;

import com.sharewise.api.strategy.StrategyFactory;
import java.util.List;
import java.util.Optional;

/** The strategy plugins installed now, by descriptor id. Thread-safe. */
public interface StrategyCatalog {

  Optional<StrategyFactory> find(String id);

  /** Every installed strategy's id, sorted, for error messages. */
  List<String> ids();

  /** A catalog of fixed factories (tests, the command line). */
  static StrategyCatalog of(List<StrategyFactory> factories) {
    return new StrategyCatalog() {
      @Override
      public Optional<StrategyFactory> find(String id) {
        return factories.stream().filter(f -> f.descriptor().id().equals(id)).findFirst();
      }

      @Override
      public List<String> ids() {
        return factories.stream().map(f -> f.descriptor().id()).sorted().toList();
      }
    };
  }
}

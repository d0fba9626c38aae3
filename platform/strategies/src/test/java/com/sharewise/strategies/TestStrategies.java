package com.sharewise.strategies;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyDescriptor;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.strategy.StrategyInstance;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Small strategies whose behaviour a test scripts. */
final class TestStrategies {

  private TestStrategies() {}

  /**
   * A strategy type {@code id} that calls {@code onBar} for every bar, with one integer parameter
   * {@code size} (1-100).
   */
  static StrategyFactory scripted(String id, BiConsumer<StrategyContext, Bar> onBar) {
    return scripted(id, Set.of(), onBar, new int[1]);
  }

  /** As {@link #scripted}, counting {@code onStop} calls in {@code stops[0]}. */
  static StrategyFactory scripted(
      String id, Set<Timeframe> extra, BiConsumer<StrategyContext, Bar> onBar, int[] stops) {
    StrategyDescriptor descriptor =
        new StrategyDescriptor(
            id,
            "Scripted " + id,
            "does what the test says",
            List.of(ParameterSpec.integer("size", "a number", 10, 1, 100)),
            extra);
    return new StrategyFactory() {
      @Override
      public StrategyDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public StrategyInstance create(StrategyContext context, Parameters parameters) {
        return new StrategyInstance() {
          @Override
          public void onBar(Bar bar) {
            onBar.accept(context, bar);
          }

          @Override
          public void onStop() {
            stops[0]++;
          }
        };
      }
    };
  }
}

package com.sharewise.strategy.smacrossover.internal;

import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyDescriptor;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.strategy.StrategyInstance;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The SMA crossover strategy: ENTER_LONG when the fast simple moving average of the close crosses
 * above the slow one, EXIT_LONG when it crosses back below.
 *
 * <p>Stateless, as {@link StrategyFactory} requires: every instance gets its own indicators and
 * rules in {@link SmaCrossoverInstance}. Registered as a service by Declarative Services.
 */
@Component(service = StrategyFactory.class)
public final class SmaCrossoverStrategyFactory implements StrategyFactory {

  private static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "sma-crossover",
          "SMA crossover",
          "Signals ENTER_LONG when the fast SMA of the close crosses above the slow SMA, and"
              + " EXIT_LONG when it crosses back below.",
          List.of(
              ParameterSpec.integer("fast", "Bars in the fast moving average", 10, 1, 500),
              ParameterSpec.integer("slow", "Bars in the slow moving average", 30, 2, 1000)),
          Set.of());

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ParameterException naming {@code fast} unless {@code fast < slow}
   */
  @Override
  public void validate(Parameters parameters) {
    int fast = parameters.getInt("fast");
    int slow = parameters.getInt("slow");
    if (fast >= slow) {
      throw new ParameterException(
          "fast", "fast (" + fast + ") must be less than slow (" + slow + ")");
    }
  }

  @Override
  public StrategyInstance create(StrategyContext context, Parameters parameters) {
    validate(parameters);
    return new SmaCrossoverInstance(context, parameters.getInt("fast"), parameters.getInt("slow"));
  }
}

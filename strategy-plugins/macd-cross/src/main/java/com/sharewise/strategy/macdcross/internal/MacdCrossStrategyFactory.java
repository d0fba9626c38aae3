package com.sharewise.strategy.macdcross.internal;

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
 * MACD signal-line cross: ENTER_LONG when the MACD line of the close crosses above its signal line
 * (optionally only while it is below zero, i.e. buying a turn in a downtrend), EXIT_LONG when it
 * crosses back below.
 *
 * <p>Stateless, as {@link StrategyFactory} requires: each instance keeps its own state in {@link
 * MacdCrossInstance}. Registered as a service by Declarative Services.
 */
@Component(service = StrategyFactory.class)
public final class MacdCrossStrategyFactory implements StrategyFactory {

  static final String FAST = "fast";
  static final String SLOW = "slow";
  static final String SIGNAL = "signal";
  static final String ONLY_BELOW_ZERO = "onlyBelowZero";

  private static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "macd-cross",
          "MACD signal-line cross",
          "Signals ENTER_LONG when the MACD line crosses above its signal line (optionally only"
              + " below zero), and EXIT_LONG when it crosses back below.",
          List.of(
              ParameterSpec.integer(FAST, "Bars in the fast EMA of the close", 12, 1, 499),
              ParameterSpec.integer(SLOW, "Bars in the slow EMA of the close", 26, 2, 500),
              ParameterSpec.integer(SIGNAL, "Bars in the signal line's EMA of MACD", 9, 1, 500),
              ParameterSpec.bool(
                  ONLY_BELOW_ZERO, "Enter only when the MACD line is below zero", false)),
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
    Settings.of(parameters);
  }

  @Override
  public StrategyInstance create(StrategyContext context, Parameters parameters) {
    return new MacdCrossInstance(context, Settings.of(parameters));
  }
}

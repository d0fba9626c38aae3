package com.sharewise.strategy.emarsitrend.internal;

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
 * EMA trend with an RSI filter: ENTER_LONG when the fast EMA of the close crosses above the slow
 * one while RSI is below {@code rsiMax} (so it does not chase an overbought move); EXIT_LONG when
 * the fast EMA crosses back below, or RSI rises above {@code rsiExit}.
 *
 * <p>Stateless, as {@link StrategyFactory} requires: each instance keeps its own state in {@link
 * EmaRsiTrendInstance}. Registered as a service by Declarative Services.
 */
@Component(service = StrategyFactory.class)
public final class EmaRsiTrendStrategyFactory implements StrategyFactory {

  static final String FAST_PERIOD = "fastPeriod";
  static final String SLOW_PERIOD = "slowPeriod";
  static final String RSI_PERIOD = "rsiPeriod";
  static final String RSI_MAX = "rsiMax";
  static final String RSI_EXIT = "rsiExit";

  private static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "ema-rsi-trend",
          "EMA trend with RSI filter",
          "Signals ENTER_LONG when the fast EMA of the close crosses above the slow EMA while RSI"
              + " is below rsiMax, and EXIT_LONG when it crosses back below or RSI rises above"
              + " rsiExit.",
          List.of(
              ParameterSpec.integer(FAST_PERIOD, "Bars in the fast EMA", 9, 1, 500),
              ParameterSpec.integer(SLOW_PERIOD, "Bars in the slow EMA", 21, 2, 1000),
              ParameterSpec.integer(RSI_PERIOD, "Bars in Wilder's RSI", 14, 2, 500),
              ParameterSpec.decimal(
                  RSI_MAX, "Enter only while RSI is below this (not overbought)", 70, 1, 100),
              ParameterSpec.decimal(RSI_EXIT, "Exit a long when RSI rises above this", 80, 1, 100)),
          Set.of());

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ParameterException naming {@code fastPeriod} unless {@code fastPeriod < slowPeriod}, or
   *     {@code rsiExit} if it is below {@code rsiMax}
   */
  @Override
  public void validate(Parameters parameters) {
    Settings.of(parameters);
  }

  @Override
  public StrategyInstance create(StrategyContext context, Parameters parameters) {
    return new EmaRsiTrendInstance(context, Settings.of(parameters));
  }
}

package com.sharewise.strategy.openingrangebreakout.internal;

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
 * Intraday opening-range breakout with a VWAP filter: the range is the high and low of the first
 * {@code rangeMinutes} after the 09:15 IST open; ENTER_LONG on a close above the range high while
 * above the session VWAP, ENTER_SHORT (if allowed) on a close below the range low while below it,
 * at most once per side per session; every position is closed at the square-off time.
 *
 * <p>Stateless, as {@link StrategyFactory} requires: each instance keeps its own state in {@link
 * OpeningRangeBreakoutInstance}. Registered as a service by Declarative Services.
 */
@Component(service = StrategyFactory.class)
public final class OpeningRangeBreakoutStrategyFactory implements StrategyFactory {

  static final String RANGE_MINUTES = "rangeMinutes";
  static final String SQUARE_OFF = "squareOff";
  static final String ALLOW_SHORT = "allowShort";

  private static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "opening-range-breakout",
          "Opening range breakout",
          "On intraday bars, signals ENTER_LONG when the close breaks above the high of the first"
              + " rangeMinutes after 09:15 IST while above session VWAP, ENTER_SHORT (if allowed)"
              + " below its low while below VWAP, once per side per session, and exits everything"
              + " at the square-off time.",
          List.of(
              ParameterSpec.integer(
                  RANGE_MINUTES, "Minutes after 09:15 IST that form the opening range", 15, 1, 360),
              ParameterSpec.text(
                  SQUARE_OFF, "Time (HH:mm IST) to close all positions and stop entering", "15:15"),
              ParameterSpec.bool(
                  ALLOW_SHORT, "Enter short on a breakout below the range low", false)),
          Set.of());

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ParameterException naming {@code squareOff} unless it is an {@code HH:mm} time after
   *     the opening range and no later than 15:30
   */
  @Override
  public void validate(Parameters parameters) {
    Settings.of(parameters);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ParameterException naming {@code rangeMinutes} unless it is a whole number of the
   *     instance's bars
   * @throws IllegalArgumentException for a daily timeframe
   */
  @Override
  public StrategyInstance create(StrategyContext context, Parameters parameters) {
    Settings settings = Settings.of(parameters);
    settings.checkTimeframe(context.timeframe());
    return new OpeningRangeBreakoutInstance(context, settings);
  }
}

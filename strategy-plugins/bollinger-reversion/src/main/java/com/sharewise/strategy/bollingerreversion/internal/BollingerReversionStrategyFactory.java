package com.sharewise.strategy.bollingerreversion.internal;

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
 * Bollinger mean reversion: ENTER_LONG when the close drops below the lower band, EXIT_LONG when it
 * is back at the middle band (or, if chosen, above the upper band), or when it falls to an optional
 * stop below the entry close.
 *
 * <p>Stateless, as {@link StrategyFactory} requires: each instance keeps its own state in {@link
 * BollingerReversionInstance}. Registered as a service by Declarative Services.
 */
@Component(service = StrategyFactory.class)
public final class BollingerReversionStrategyFactory implements StrategyFactory {

  static final String PERIOD = "period";
  static final String K = "k";
  static final String EXIT_AT = "exitAt";
  static final String STOP_PERCENT = "stopPercent";

  private static final StrategyDescriptor DESCRIPTOR =
      new StrategyDescriptor(
          "bollinger-reversion",
          "Bollinger mean reversion",
          "Signals ENTER_LONG when the close drops below the lower Bollinger band, and EXIT_LONG"
              + " when it is back at the middle band (or above the upper band), or at an optional"
              + " stop below the entry.",
          List.of(
              ParameterSpec.integer(
                  PERIOD, "Bars in the middle band (SMA) and deviation", 20, 2, 500),
              ParameterSpec.decimal(
                  K, "Standard deviations from the middle to each band", 2, 0.1, 10),
              ParameterSpec.choice(
                  EXIT_AT,
                  "Band that closes a long: middle (the mean) or upper",
                  Settings.Target.MIDDLE.choice(),
                  List.of(Settings.Target.MIDDLE.choice(), Settings.Target.UPPER.choice())),
              ParameterSpec.decimal(
                  STOP_PERCENT,
                  "Exit when the close is this many percent below the entry close; 0 = no stop",
                  0,
                  0,
                  50)),
          Set.of());

  @Override
  public StrategyDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public StrategyInstance create(StrategyContext context, Parameters parameters) {
    return new BollingerReversionInstance(context, Settings.of(parameters));
  }
}

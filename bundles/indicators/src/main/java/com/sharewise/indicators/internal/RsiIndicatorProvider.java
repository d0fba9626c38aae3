package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * Wilder's Relative Strength Index of the close, 0 to 100, drawn in its own pane (see {@link
 * WilderRsiIndicator} for the exact definition).
 */
@Component(service = IndicatorProvider.class)
public final class RsiIndicatorProvider implements IndicatorProvider {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "rsi",
          "Relative Strength Index",
          "Wilder's momentum oscillator from 0 to 100; above 70 is commonly read as overbought,"
              + " below 30 as oversold.",
          List.of("value"),
          List.of(ParameterSpec.integer("period", "Number of bars smoothed", 14, 2, 500)),
          false);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of(
        "value",
        new WilderRsiIndicator(new ClosePriceIndicator(series), parameters.getInt("period")));
  }
}

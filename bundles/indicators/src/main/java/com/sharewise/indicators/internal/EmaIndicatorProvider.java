package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
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
 * Exponential moving average of the close with {@code alpha = 2 / (period + 1)}, seeded with the
 * simple average of the first {@code period} closes (see {@link SeededEmaIndicator}).
 */
@Component(service = IndicatorProvider.class)
public final class EmaIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "ema",
          "Exponential Moving Average",
          "An average of the close that weighs recent bars more, reacting faster than the SMA.",
          List.of("value"),
          List.of(
              ParameterSpec.integer("period", "Number of bars (sets the weighting)", 20, 1, 500)),
          true);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of(
        "value",
        SeededEmaIndicator.ema(new ClosePriceIndicator(series), parameters.getInt("period")));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("period");
    return new double[][] {Batch.seededEma(bars.close(), 0, period, Batch.emaAlpha(period))};
  }
}

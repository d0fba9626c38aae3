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
 * Simple moving average of the close: the mean of the last {@code period} closes, NaN until that
 * many bars exist. Registered as an {@link IndicatorProvider} service by Declarative Services.
 */
@Component(service = IndicatorProvider.class)
public final class SmaIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "sma",
          "Simple Moving Average",
          "The average close of the last period bars.",
          List.of("value"),
          List.of(ParameterSpec.integer("period", "Number of bars averaged", 20, 1, 500)),
          true);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of(
        "value",
        new StableSmaIndicator(new ClosePriceIndicator(series), parameters.getInt("period")));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    return new double[][] {Batch.sma(bars.close(), 0, parameters.getInt("period"))};
  }
}

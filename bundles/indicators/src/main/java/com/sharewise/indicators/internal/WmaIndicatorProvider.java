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
 * Linearly weighted moving average of the close (see {@link WeightedMovingAverageIndicator}); NaN
 * for the first {@code period − 1} bars.
 */
@Component(service = IndicatorProvider.class)
public final class WmaIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "wma",
          "Weighted Moving Average",
          "An average of the close whose weights fall linearly from the newest bar to the oldest.",
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
        new WeightedMovingAverageIndicator(
            new ClosePriceIndicator(series), parameters.getInt("period")));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("period");
    double[] close = bars.close();
    double[] out = Batch.nans(close.length);
    double divisor = period * (period + 1L) / 2;
    for (int i = period - 1; i < close.length; i++) {
      double sum = 0;
      int weight = 1;
      for (int j = i - period + 1; j <= i; j++, weight++) {
        sum += weight * close[j];
      }
      out[i] = sum / divisor;
    }
    return new double[][] {out};
  }
}

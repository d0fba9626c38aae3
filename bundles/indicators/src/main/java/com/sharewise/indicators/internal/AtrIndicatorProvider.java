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
import org.ta4j.core.num.Num;

/**
 * Wilder's Average True Range: the {@link TrueRangeIndicator true range} smoothed with {@code alpha
 * = 1 / period}, seeded with the simple average of the first {@code period} true ranges (the first
 * bar's true range is its high − low). First value at bar {@code period − 1}.
 */
@Component(service = IndicatorProvider.class)
public final class AtrIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "atr",
          "Average True Range",
          "Wilder's measure of volatility: the average size of a bar's range including gaps, in"
              + " price units.",
          List.of("value"),
          List.of(ParameterSpec.integer("period", "Bars smoothed", 14, 1, 500)),
          false);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of(
        "value",
        SeededEmaIndicator.wilder(new TrueRangeIndicator(series), parameters.getInt("period")));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("period");
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] trueRange = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      double range = high[i] - low[i];
      if (i == 0) {
        trueRange[i] = range;
      } else {
        double up = Math.abs(high[i] - close[i - 1]);
        double down = Math.abs(low[i] - close[i - 1]);
        trueRange[i] = Math.max(Math.max(range, up), down);
      }
    }
    return new double[][] {Batch.seededEma(trueRange, 0, period, Batch.wilderAlpha(period))};
  }
}

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
 * Wilder's Relative Strength Index of the close, 0 to 100, drawn in its own pane (see {@link
 * WilderRsiIndicator} for the exact definition).
 */
@Component(service = IndicatorProvider.class)
public final class RsiIndicatorProvider implements IndicatorProvider, BatchIndicator {

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

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("period");
    double[] close = bars.close();
    int n = close.length;
    double[] gains = new double[n];
    double[] losses = new double[n];
    for (int i = 1; i < n; i++) {
      gains[i] = close[i] > close[i - 1] ? close[i] - close[i - 1] : 0;
      losses[i] = close[i] < close[i - 1] ? close[i - 1] - close[i] : 0;
    }
    double alpha = Batch.wilderAlpha(period);
    double[] gain = Batch.seededEma(gains, 1, period, alpha);
    double[] loss = Batch.seededEma(losses, 1, period, alpha);
    double[] out = Batch.nans(n);
    for (int i = period; i < n; i++) {
      if (loss[i] == 0) {
        out[i] = gain[i] == 0 ? 50 : 100;
      } else {
        out[i] = 100 - 100 / (gain[i] / loss[i] + 1);
      }
    }
    return new double[][] {out};
  }
}

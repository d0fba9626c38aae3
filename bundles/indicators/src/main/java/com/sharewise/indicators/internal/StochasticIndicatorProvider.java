package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Lane's stochastic oscillator, 0 to 100: {@code k} is the raw %K over {@code kPeriod} bars (see
 * {@link StochasticKIndicator}), smoothed by a simple average over {@code kSmoothing} bars (1 = the
 * fast stochastic, 3 = the slow one); {@code d} is the simple average of {@code k} over {@code
 * dPeriod} bars. Defaults 14, 1, 3 as on most charting platforms.
 */
@Component(service = IndicatorProvider.class)
public final class StochasticIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "stochastic",
          "Stochastic Oscillator",
          "Where the close sits in the recent high-low range, 0 to 100 (%K), and its average"
              + " (%D); above 80 is commonly read as overbought, below 20 as oversold.",
          List.of("k", "d"),
          List.of(
              ParameterSpec.integer("kPeriod", "Bars in the high-low range", 14, 1, 500),
              ParameterSpec.integer("kSmoothing", "Bars averaged to smooth %K (1: none)", 1, 1, 50),
              ParameterSpec.integer("dPeriod", "Bars averaged for %D", 3, 1, 50)),
          false);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    int smoothing = parameters.getInt("kSmoothing");
    Indicator<Num> raw = new StochasticKIndicator(series, parameters.getInt("kPeriod"));
    Indicator<Num> k = smoothing == 1 ? raw : new StableSmaIndicator(raw, smoothing);
    Map<String, Indicator<Num>> outputs = new LinkedHashMap<>();
    outputs.put("k", k);
    outputs.put("d", new StableSmaIndicator(k, parameters.getInt("dPeriod")));
    return outputs;
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("kPeriod");
    int smoothing = parameters.getInt("kSmoothing");
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] raw = Batch.nans(close.length);
    for (int i = period - 1; i < close.length; i++) {
      double highest = high[i - period + 1];
      double lowest = low[i - period + 1];
      for (int j = i - period + 2; j <= i; j++) {
        highest = Math.max(highest, high[j]);
        lowest = Math.min(lowest, low[j]);
      }
      double range = highest - lowest;
      raw[i] = range == 0 ? 50 : 100 * (close[i] - lowest) / range;
    }
    double[] k = smoothing == 1 ? raw : Batch.sma(raw, period - 1, smoothing);
    double[] d = Batch.sma(k, period - 1 + smoothing - 1, parameters.getInt("dPeriod"));
    return new double[][] {k, d};
  }
}

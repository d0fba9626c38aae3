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
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * Bollinger Bands of the close: {@code middle} is the simple average over {@code period} bars,
 * {@code upper} and {@code lower} lie {@code k} population standard deviations above and below it.
 * NaN for the first {@code period − 1} bars.
 */
@Component(service = IndicatorProvider.class)
public final class BollingerBandsIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "bollinger",
          "Bollinger Bands",
          "A simple moving average with bands k standard deviations above and below it; the"
              + " bands widen when prices are volatile.",
          List.of("middle", "upper", "lower"),
          List.of(
              ParameterSpec.integer("period", "Bars in the average and deviation", 20, 2, 500),
              ParameterSpec.decimal("k", "Standard deviations from the middle", 2, 0.1, 10)),
          true);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    int period = parameters.getInt("period");
    double k = parameters.getDecimal("k");
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    Indicator<Num> middle = new StableSmaIndicator(close, period);
    Indicator<Num> deviation = new PopulationStdDevIndicator(close, period);
    Map<String, Indicator<Num>> outputs = new LinkedHashMap<>();
    outputs.put("middle", middle);
    outputs.put("upper", new BandIndicator(middle, deviation, k));
    outputs.put("lower", new BandIndicator(middle, deviation, -k));
    return outputs;
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int period = parameters.getInt("period");
    double k = parameters.getDecimal("k");
    double minusK = -k;
    double[] close = bars.close();
    double[] middle = Batch.sma(close, 0, period);
    double[] upper = Batch.nans(close.length);
    double[] lower = Batch.nans(close.length);
    for (int i = period - 1; i < close.length; i++) {
      double sum = 0;
      for (int j = i - period + 1; j <= i; j++) {
        sum += close[j];
      }
      double mean = sum / period;
      double squares = 0;
      for (int j = i - period + 1; j <= i; j++) {
        double deviation = close[j] - mean;
        squares += deviation * deviation;
      }
      double sd = Math.sqrt(squares / period);
      upper[i] = middle[i] + k * sd;
      lower[i] = middle[i] + minusK * sd;
    }
    return new double[][] {middle, upper, lower};
  }
}

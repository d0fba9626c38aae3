package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.ParameterException;
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
 * Appel's MACD of the close: {@code macd = EMA(fast) − EMA(slow)}, {@code signal = EMA(signal)} of
 * the MACD line, {@code histogram = macd − signal}. Every EMA is seeded with the simple average of
 * its first inputs (see {@link SeededEmaIndicator}), as StockCharts and charting platforms do: the
 * MACD line starts at bar {@code slow − 1}, signal and histogram at {@code slow + signal − 2}.
 */
@Component(service = IndicatorProvider.class)
public final class MacdIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "macd",
          "Moving Average Convergence Divergence",
          "The gap between a fast and a slow EMA of the close, its EMA (signal) and their"
              + " difference (histogram).",
          List.of("macd", "signal", "histogram"),
          List.of(
              ParameterSpec.integer("fast", "Bars in the fast EMA", 12, 1, 499),
              ParameterSpec.integer("slow", "Bars in the slow EMA (more than fast)", 26, 2, 500),
              ParameterSpec.integer("signal", "Bars in the signal line's EMA", 9, 1, 500)),
          false);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    int fast = fast(parameters);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    DifferenceIndicator macd =
        new DifferenceIndicator(
            SeededEmaIndicator.ema(close, fast),
            SeededEmaIndicator.ema(close, parameters.getInt("slow")));
    SeededEmaIndicator signal = SeededEmaIndicator.ema(macd, parameters.getInt("signal"));
    Map<String, Indicator<Num>> outputs = new LinkedHashMap<>();
    outputs.put("macd", macd);
    outputs.put("signal", signal);
    outputs.put("histogram", new DifferenceIndicator(macd, signal));
    return outputs;
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    int fast = fast(parameters);
    int slow = parameters.getInt("slow");
    int signalPeriod = parameters.getInt("signal");
    double[] close = bars.close();
    double[] macd =
        Batch.minus(
            Batch.seededEma(close, 0, fast, Batch.emaAlpha(fast)),
            Batch.seededEma(close, 0, slow, Batch.emaAlpha(slow)));
    double[] signal = Batch.seededEma(macd, slow - 1, signalPeriod, Batch.emaAlpha(signalPeriod));
    return new double[][] {macd, signal, Batch.minus(macd, signal)};
  }

  /** The fast period, checked against the slow one. */
  private static int fast(Parameters parameters) {
    int fast = parameters.getInt("fast");
    int slow = parameters.getInt("slow");
    if (fast >= slow) {
      throw new ParameterException(
          "fast", "fast (" + fast + ") must be less than slow (" + slow + ")");
    }
    return fast;
  }
}

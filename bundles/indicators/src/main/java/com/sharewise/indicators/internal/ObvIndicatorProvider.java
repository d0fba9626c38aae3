package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.Parameters;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Granville's On-Balance Volume (see {@link OnBalanceVolumeIndicator}); 0 on the first bar. */
@Component(service = IndicatorProvider.class)
public final class ObvIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "obv",
          "On-Balance Volume",
          "A running total of volume, added on up bars and subtracted on down bars; its trend"
              + " confirms or questions the price trend.",
          List.of("value"),
          List.of(),
          false);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of("value", new OnBalanceVolumeIndicator(series));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    double[] close = bars.close();
    double[] volume = bars.volume();
    double[] out = new double[close.length];
    for (int i = 1; i < close.length; i++) {
      if (close[i] > close[i - 1]) {
        out[i] = out[i - 1] + volume[i];
      } else if (close[i] < close[i - 1]) {
        out[i] = out[i - 1] - volume[i];
      } else {
        out[i] = out[i - 1];
      }
    }
    return new double[][] {out};
  }
}

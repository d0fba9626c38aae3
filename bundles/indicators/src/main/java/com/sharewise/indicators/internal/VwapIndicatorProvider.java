package com.sharewise.indicators.internal;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Ist;
import com.sharewise.api.param.Parameters;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Session VWAP, reset at each IST trading day (see {@link SessionVwapIndicator}). Meant for
 * intraday bars; on daily bars every bar is its own session and the VWAP is its typical price.
 */
@Component(service = IndicatorProvider.class)
public final class VwapIndicatorProvider implements IndicatorProvider, BatchIndicator {

  private static final IndicatorDescriptor DESCRIPTOR =
      new IndicatorDescriptor(
          "vwap",
          "Volume-Weighted Average Price",
          "The average price of the session so far, weighted by volume; it starts afresh each"
              + " trading day (IST).",
          List.of("value"),
          List.of(),
          true);

  @Override
  public IndicatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
    return Map.of("value", new SessionVwapIndicator(series));
  }

  @Override
  public double[][] compute(BarArrays bars, Parameters parameters) {
    long[] time = bars.time();
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] volume = bars.volume();
    double[] out = new double[close.length];
    double priceVolume = 0;
    double totalVolume = 0;
    long session = Long.MIN_VALUE;
    for (int i = 0; i < close.length; i++) {
      double weighted = (high[i] + low[i] + close[i]) / 3 * volume[i];
      long day = Ist.epochDay(time[i]);
      if (day != session) {
        session = day;
        priceVolume = weighted;
        totalVolume = volume[i];
      } else {
        priceVolume += weighted;
        totalVolume += volume[i];
      }
      out[i] = totalVolume == 0 ? Double.NaN : priceVolume / totalVolume;
    }
    return new double[][] {out};
  }
}

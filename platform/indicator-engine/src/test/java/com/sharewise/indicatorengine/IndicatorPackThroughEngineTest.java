package com.sharewise.indicatorengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.Parameters;
import com.sharewise.indicators.internal.AtrIndicatorProvider;
import com.sharewise.indicators.internal.BollingerBandsIndicatorProvider;
import com.sharewise.indicators.internal.EmaIndicatorProvider;
import com.sharewise.indicators.internal.MacdIndicatorProvider;
import com.sharewise.indicators.internal.ObvIndicatorProvider;
import com.sharewise.indicators.internal.RsiIndicatorProvider;
import com.sharewise.indicators.internal.SmaIndicatorProvider;
import com.sharewise.indicators.internal.StochasticIndicatorProvider;
import com.sharewise.indicators.internal.VwapIndicatorProvider;
import com.sharewise.indicators.internal.WmaIndicatorProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The platform's indicator pack through the engine: the batch path (used because every provider of
 * the pack has one) and the ta4j path (forced by hiding the batch path) give the same series over
 * the engine's own bar conversions, including VWAP's session boundaries.
 */
class IndicatorPackThroughEngineTest {

  private static final List<IndicatorProvider> PACK =
      List.of(
          new SmaIndicatorProvider(),
          new EmaIndicatorProvider(),
          new WmaIndicatorProvider(),
          new RsiIndicatorProvider(),
          new MacdIndicatorProvider(),
          new StochasticIndicatorProvider(),
          new BollingerBandsIndicatorProvider(),
          new AtrIndicatorProvider(),
          new ObvIndicatorProvider(),
          new VwapIndicatorProvider());

  /** A provider with its batch path hidden. */
  private record Ta4jOnly(IndicatorProvider delegate) implements IndicatorProvider {
    @Override
    public IndicatorDescriptor descriptor() {
      return delegate.descriptor();
    }

    @Override
    public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
      return delegate.create(series, parameters);
    }
  }

  @Test
  void batchAndTa4jPathsAgreeForEveryIndicatorOfThePack() {
    FakeProviders batch = new FakeProviders();
    FakeProviders ta4j = new FakeProviders();
    PACK.forEach(
        p -> {
          assertThat(p).isInstanceOf(BatchIndicator.class);
          batch.add("com.sharewise.indicators", p);
          ta4j.add("com.sharewise.indicators", new Ta4jOnly(p));
        });
    IndicatorEngine fast = new IndicatorEngine(batch);
    IndicatorEngine slow = new IndicatorEngine(ta4j);
    List<Bar> bars = minuteBars(375 * 6, 7);

    assertThat(fast.available()).hasSize(10);
    for (IndicatorDescriptor descriptor : fast.available()) {
      IndicatorSeries expected = slow.compute(descriptor.id(), bars, Map.of());
      IndicatorSeries actual = fast.compute(descriptor.id(), bars, Map.of());

      assertThat(actual.outputs()).isEqualTo(descriptor.outputs());
      assertThat(actual.times()).isEqualTo(expected.times());
      for (String output : descriptor.outputs()) {
        double[] want = expected.values().get(output);
        double[] got = actual.values().get(output);
        for (int i = 0; i < bars.size(); i++) {
          if (Double.isNaN(want[i])) {
            assertThat(got[i]).as("%s.%s bar %d", descriptor.id(), output, i).isNaN();
          } else {
            assertThat(Math.abs(got[i] - want[i]))
                .as("%s.%s bar %d", descriptor.id(), output, i)
                .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(want[i])));
          }
        }
      }
    }
  }

  /** One-minute NSE bars, 375 a session from 09:15 IST. */
  static List<Bar> minuteBars(int n, long seed) {
    InstrumentId infy = InstrumentId.parse("NSE:INFY");
    Instant firstOpen = Instant.parse("2025-01-06T03:45:00Z");
    Random random = new Random(seed);
    List<Bar> bars = new ArrayList<>(n);
    double price = 1500;
    for (int i = 0; i < n; i++) {
      Instant open = firstOpen.plus(Duration.ofDays(i / 375)).plus(Duration.ofMinutes(i % 375));
      double close = Math.max(1, Math.round((price + random.nextGaussian() * 3) * 20) / 20.0);
      double high = Math.max(price, close) + Math.round(random.nextDouble() * 40) / 20.0;
      double low =
          Math.max(0.05, Math.min(price, close) - Math.round(random.nextDouble() * 40) / 20.0);
      long volume = random.nextInt(15) == 0 ? 0 : 100 + random.nextInt(10_000);
      bars.add(new Bar(infy, Timeframe.M1, open, price, high, low, close, volume));
      price = close;
    }
    return bars;
  }
}

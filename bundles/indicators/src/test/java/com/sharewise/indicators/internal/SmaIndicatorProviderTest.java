package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.assertValues;
import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.ParameterType;
import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

class SmaIndicatorProviderTest {

  private final SmaIndicatorProvider provider = new SmaIndicatorProvider();

  @Test
  void describesAnOverlayWithOnePeriodParameter() {
    IndicatorDescriptor descriptor = provider.descriptor();

    assertThat(descriptor.id()).isEqualTo("sma");
    assertThat(descriptor.outputs()).containsExactly("value");
    assertThat(descriptor.overlay()).isTrue();
    assertThat(descriptor.parameters())
        .containsExactly(
            new ParameterSpec(
                "period", ParameterType.INTEGER, "Number of bars averaged", 20L, 1.0, 500.0, null));
  }

  @ParameterizedTest
  @MethodSource("com.sharewise.indicators.internal.TestSeries#numFactories")
  void matchesTheChartSchoolWorksheet(NumFactory numFactory) {
    BarSeries series = TestSeries.of(numFactory, TestSeries.MOVING_AVERAGE_WORKSHEET);

    Indicator<Num> sma = create(series, 10);

    // The worksheet's 10-day SMA column, to the paisa.
    assertValues(
        sma,
        nanThen(
            9, 22.22, 22.21, 22.23, 22.26, 22.30, 22.42, 22.61, 22.77, 22.91, 23.08, 23.21, 23.38,
            23.52, 23.65, 23.71, 23.68, 23.61, 23.51, 23.43, 23.28, 23.13),
        0.0051);
    assertValues(sma, Reference.sma(TestSeries.MOVING_AVERAGE_WORKSHEET, 10), 1e-9);
  }

  @Test
  void matchesTheTextbookDefinitionOnALongSeries() {
    double[] closes = TestSeries.randomWalk(600, 42);

    assertValues(create(TestSeries.of(closes), 50), Reference.sma(closes, 50), 1e-6);
  }

  @Test
  void hasNoValueUntilTheDefaultWindowOfTwentyBarsIsFull() {
    double[] closes = TestSeries.randomWalk(25, 7);

    Map<String, Indicator<Num>> outputs =
        provider.create(
            TestSeries.of(closes), Parameters.defaults(provider.descriptor().parameters()));

    assertThat(outputs).containsOnlyKeys(provider.descriptor().outputs());
    assertValues(outputs.get("value"), Reference.sma(closes, 20), 1e-9);
  }

  @Test
  void periodOneIsTheClose() {
    double[] closes = {101.5, 99.95, 100.4};

    assertValues(create(TestSeries.of(closes), 1), closes, 1e-12);
  }

  private Indicator<Num> create(BarSeries series, int period) {
    Parameters parameters =
        Parameters.resolve(provider.descriptor().parameters(), Map.of("period", "" + period));
    return provider.create(series, parameters).get("value");
  }
}

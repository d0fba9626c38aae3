package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.assertValues;
import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

class EmaIndicatorProviderTest {

  private final EmaIndicatorProvider provider = new EmaIndicatorProvider();

  @Test
  void describesAnOverlayWithOnePeriodParameter() {
    IndicatorDescriptor descriptor = provider.descriptor();

    assertThat(descriptor.id()).isEqualTo("ema");
    assertThat(descriptor.outputs()).containsExactly("value");
    assertThat(descriptor.overlay()).isTrue();
    assertThat(descriptor.parameters())
        .singleElement()
        .satisfies(
            period -> {
              assertThat(period.name()).isEqualTo("period");
              assertThat(period.defaultValue()).isEqualTo(20L);
              assertThat(period.min()).isEqualTo(1.0);
              assertThat(period.max()).isEqualTo(500.0);
            });
  }

  @ParameterizedTest
  @MethodSource("com.sharewise.indicators.internal.TestSeries#numFactories")
  void isSeededWithTheSmaAsInTheChartSchoolWorksheet(NumFactory numFactory) {
    BarSeries series = TestSeries.of(numFactory, TestSeries.MOVING_AVERAGE_WORKSHEET);

    Indicator<Num> ema = create(series, 10);

    // First value = the 10-day SMA (22.22), then alpha = 2/11. Expected values to the paisa.
    assertValues(
        ema,
        nanThen(
            9, 22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34, 23.43,
            23.51, 23.53, 23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92),
        0.0051);
    assertValues(ema, Reference.ema(TestSeries.MOVING_AVERAGE_WORKSHEET, 10), 1e-9);
  }

  @Test
  void matchesTheTextbookDefinitionOnALongSeries() {
    double[] closes = TestSeries.randomWalk(1200, 42);

    assertValues(create(TestSeries.of(closes), 200), Reference.ema(closes, 200), 1e-6);
  }

  @Test
  void usesTwentyBarsByDefault() {
    double[] closes = TestSeries.randomWalk(40, 3);

    Map<String, Indicator<Num>> outputs =
        provider.create(
            TestSeries.of(closes), Parameters.defaults(provider.descriptor().parameters()));

    assertThat(outputs).containsOnlyKeys(provider.descriptor().outputs());
    assertValues(outputs.get("value"), Reference.ema(closes, 20), 1e-9);
  }

  @Test
  void hasNoValueOnASeriesShorterThanThePeriod() {
    assertValues(create(TestSeries.of(10, 11, 12), 5), nanThen(3), 0);
  }

  private Indicator<Num> create(BarSeries series, int period) {
    Parameters parameters =
        Parameters.resolve(provider.descriptor().parameters(), Map.of("period", "" + period));
    return provider.create(series, parameters).get("value");
  }
}

package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.assertValues;
import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

class RsiIndicatorProviderTest {

  private final RsiIndicatorProvider provider = new RsiIndicatorProvider();

  @Test
  void describesAnOscillatorInItsOwnPane() {
    IndicatorDescriptor descriptor = provider.descriptor();

    assertThat(descriptor.id()).isEqualTo("rsi");
    assertThat(descriptor.outputs()).containsExactly("value");
    assertThat(descriptor.overlay()).isFalse();
    assertThat(descriptor.parameters())
        .singleElement()
        .satisfies(
            period -> {
              assertThat(period.name()).isEqualTo("period");
              assertThat(period.defaultValue()).isEqualTo(14L);
              assertThat(period.min()).isEqualTo(2.0);
              assertThat(period.max()).isEqualTo(500.0);
            });
  }

  @ParameterizedTest
  @MethodSource("com.sharewise.indicators.internal.TestSeries#numFactories")
  void matchesWildersDefinitionOnTheChartSchoolWorksheet(NumFactory numFactory) {
    BarSeries series = TestSeries.of(numFactory, TestSeries.RSI_WORKSHEET);

    Indicator<Num> rsi = create(series, Parameters.defaults(provider.descriptor().parameters()));

    // Averages seeded with the mean of the first 14 changes, then smoothed by 1/14; computed by
    // hand without rounding the intermediate averages (the worksheet rounds them).
    assertValues(
        rsi,
        nanThen(
            14, 70.46, 66.25, 66.48, 69.35, 66.29, 57.92, 62.88, 63.21, 56.01, 62.34, 54.67, 50.39,
            40.02, 41.49, 41.90, 45.50, 37.32, 33.09, 37.79),
        0.0051);
    assertValues(rsi, Reference.rsi(TestSeries.RSI_WORKSHEET, 14), 1e-9);
  }

  @Test
  void matchesTheTextbookDefinitionOnALongSeries() {
    double[] closes = TestSeries.randomWalk(1500, 11);

    assertValues(create(TestSeries.of(closes), period(21)), Reference.rsi(closes, 21), 1e-6);
  }

  @Test
  void isOneHundredWhenNothingFellAndFiftyWhenNothingMoved() {
    assertValues(create(TestSeries.of(10, 11, 12, 13), period(2)), nanThen(2, 100, 100), 0);
    assertValues(create(TestSeries.of(10, 10, 10, 10), period(2)), nanThen(2, 50, 50), 0);
  }

  @Test
  void refusesAPeriodBelowTwo() {
    assertThatThrownBy(() -> period(1))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("period"));
  }

  private Parameters period(int period) {
    return Parameters.resolve(provider.descriptor().parameters(), Map.of("period", "" + period));
  }

  private Indicator<Num> create(BarSeries series, Parameters parameters) {
    Map<String, Indicator<Num>> outputs = provider.create(series, parameters);
    assertThat(outputs).containsOnlyKeys(provider.descriptor().outputs());
    return outputs.get("value");
  }
}

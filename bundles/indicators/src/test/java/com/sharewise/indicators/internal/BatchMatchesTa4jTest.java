package com.sharewise.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.Parameters;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator's batch path gives the values of its ta4j path, bar for bar, on long random
 * series that cross several IST sessions and include unchanged closes, empty ranges and bars
 * without volume.
 */
class BatchMatchesTa4jTest {

  private static final List<IndicatorProvider> ALL =
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

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(new SmaIndicatorProvider(), Map.of()),
        Arguments.of(new SmaIndicatorProvider(), Map.of("period", "50")),
        Arguments.of(new SmaIndicatorProvider(), Map.of("period", "1")),
        Arguments.of(new EmaIndicatorProvider(), Map.of()),
        Arguments.of(new EmaIndicatorProvider(), Map.of("period", "200")),
        Arguments.of(new WmaIndicatorProvider(), Map.of()),
        Arguments.of(new WmaIndicatorProvider(), Map.of("period", "7")),
        Arguments.of(new RsiIndicatorProvider(), Map.of()),
        Arguments.of(new RsiIndicatorProvider(), Map.of("period", "2")),
        Arguments.of(new MacdIndicatorProvider(), Map.of()),
        Arguments.of(new MacdIndicatorProvider(), Map.of("fast", "5", "slow", "35", "signal", "5")),
        Arguments.of(new StochasticIndicatorProvider(), Map.of()),
        Arguments.of(
            new StochasticIndicatorProvider(),
            Map.of("kPeriod", "5", "kSmoothing", "3", "dPeriod", "4")),
        Arguments.of(new BollingerBandsIndicatorProvider(), Map.of()),
        Arguments.of(new BollingerBandsIndicatorProvider(), Map.of("period", "10", "k", "1.5")),
        Arguments.of(new AtrIndicatorProvider(), Map.of()),
        Arguments.of(new AtrIndicatorProvider(), Map.of("period", "1")),
        Arguments.of(new ObvIndicatorProvider(), Map.of()),
        Arguments.of(new VwapIndicatorProvider(), Map.of()));
  }

  @Test
  void everyIndicatorOfThePackHasABatchPathAndEveryOneIsCovered() {
    assertThat(ALL).allMatch(BatchIndicator.class::isInstance);
    List<String> covered =
        cases().map(a -> a.get()[0].getClass().getSimpleName()).distinct().toList();
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            ALL.stream().map(p -> p.getClass().getSimpleName()).toList());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void theBatchPathGivesTheTa4jValuesOnALongRandomSeries(
      IndicatorProvider provider, Map<String, String> given) {
    Ohlcv bars = Ohlcv.random(12_000, 20250106);
    Parameters parameters = Parameters.resolve(provider.descriptor().parameters(), given);

    double[][] batch = ((BatchIndicator) provider).compute(bars.arrays(), parameters);
    BarSeries series = bars.series();
    Map<String, Indicator<Num>> ta4j = provider.create(series, parameters);

    List<String> outputs = provider.descriptor().outputs();
    assertThat(batch.length).isEqualTo(outputs.size());
    assertThat(ta4j).containsOnlyKeys(outputs);
    for (int o = 0; o < outputs.size(); o++) {
      String output = outputs.get(o);
      Indicator<Num> indicator = ta4j.get(output);
      assertThat(batch[o]).as(output).hasSize(bars.size());
      int values = 0;
      for (int i = 0; i < bars.size(); i++) {
        Num expected = indicator.getValue(i);
        double actual = batch[o][i];
        if (Num.isNaNOrNull(expected)) {
          assertThat(actual).as("%s bar %d is NaN", output, i).isNaN();
        } else {
          values++;
          double want = expected.doubleValue();
          assertThat(Math.abs(actual - want))
              .as("%s bar %d: batch %s, ta4j %s", output, i, actual, want)
              .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(want)));
        }
      }
      assertThat(values).as("%s has values", output).isGreaterThan(bars.size() / 2);
    }
  }
}

package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.param.ParameterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BollingerBandsIndicatorProviderTest {

  private final BollingerBandsIndicatorProvider provider = new BollingerBandsIndicatorProvider();

  @Test
  void describesThreeBandsOverTheCandlesWithTwentyBarsAndTwoDeviations() {
    assertThat(provider.descriptor().id()).isEqualTo("bollinger");
    assertThat(provider.descriptor().outputs()).containsExactly("middle", "upper", "lower");
    assertThat(provider.descriptor().overlay()).isTrue();
    assertThat(provider.descriptor().parameters())
        .extracting(ParameterSpec::name, ParameterSpec::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("period", 20L),
            org.assertj.core.groups.Tuple.tuple("k", 2.0));
  }

  @Test
  void usesThePopulationStandardDeviation() {
    Ohlcv bars = WmaIndicatorProviderTest.closes(1, 2, 3, 4, 5);
    double sd = Math.sqrt(2); // deviations −2..2: squares sum to 10, divided by 5 (not 4)

    assertOutputs(
        provider,
        bars,
        Map.of("period", "5"),
        new double[][] {nanThen(4, 3), nanThen(4, 3 + 2 * sd), nanThen(4, 3 - 2 * sd)},
        1e-12);
  }

  @Test
  void matchesTheDefinitionOnALongSeries() {
    double[] closes = TestSeries.randomWalk(1000, 23);

    assertOutputs(
        provider,
        WmaIndicatorProviderTest.closes(closes),
        Map.of("k", "2.5"),
        Reference.bollinger(closes, 20, 2.5),
        1e-6);
  }
}

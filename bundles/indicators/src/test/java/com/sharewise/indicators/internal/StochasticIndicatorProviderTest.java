package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.param.ParameterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StochasticIndicatorProviderTest {

  private final StochasticIndicatorProvider provider = new StochasticIndicatorProvider();

  @Test
  void describesKAndDWithFourteenOneThreeByDefault() {
    assertThat(provider.descriptor().id()).isEqualTo("stochastic");
    assertThat(provider.descriptor().outputs()).containsExactly("k", "d");
    assertThat(provider.descriptor().overlay()).isFalse();
    assertThat(provider.descriptor().parameters())
        .extracting(ParameterSpec::defaultValue)
        .containsExactly(14L, 1L, 3L);
  }

  @Test
  void placesTheCloseInTheRecentRange() {
    Ohlcv bars =
        Ohlcv.of(
            new double[] {10, 12, 11, 13, 12},
            new double[] {8, 9, 9, 10, 11},
            new double[] {9, 11, 10, 12, 11},
            new double[5]);

    // %K(3): 100·(10−8)/(12−8), 100·(12−9)/(13−9), 100·(11−9)/(13−9); %D(2) their means
    assertOutputs(
        provider,
        bars,
        Map.of("kPeriod", "3", "dPeriod", "2"),
        new double[][] {nanThen(2, 50, 75, 50), nanThen(3, 62.5, 62.5)},
        1e-12);
  }

  @Test
  void isFiftyWhenTheRangeIsEmpty() {
    Ohlcv flat = WmaIndicatorProviderTest.closes(5, 5, 5, 5);

    assertOutputs(
        provider,
        flat,
        Map.of("kPeriod", "2", "dPeriod", "2"),
        new double[][] {nanThen(1, 50, 50, 50), nanThen(2, 50, 50)},
        0);
  }

  @Test
  void matchesTheFullStochasticOnALongSeries() {
    Ohlcv bars = Ohlcv.random(3000, 9);

    assertOutputs(
        provider,
        bars,
        Map.of("kPeriod", "14", "kSmoothing", "3", "dPeriod", "3"),
        Reference.stochastic(bars, 14, 3, 3),
        1e-6);
    assertOutputs(provider, bars, Map.of(), Reference.stochastic(bars, 14, 1, 3), 1e-6);
  }
}

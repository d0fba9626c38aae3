package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AtrIndicatorProviderTest {

  private final AtrIndicatorProvider provider = new AtrIndicatorProvider();

  @Test
  void describesWildersFourteenBarAtrInItsOwnPane() {
    assertThat(provider.descriptor().id()).isEqualTo("atr");
    assertThat(provider.descriptor().overlay()).isFalse();
    assertThat(provider.descriptor().parameters().get(0).defaultValue()).isEqualTo(14L);
  }

  @Test
  void countsGapsFromThePreviousCloseAndSmoothsWildersWay() {
    Ohlcv bars =
        Ohlcv.of(
            new double[] {10, 12, 11, 13, 12, 20},
            new double[] {8, 9, 9, 10, 11, 18},
            new double[] {9, 11, 10, 12, 11, 19},
            new double[6]);

    // true ranges 2, 3, 2, 3, 1, 9 (the last bar gapped up from 11); first ATR their mean of 3
    double first = 7 / 3.0;
    double second = (first * 2 + 3) / 3;
    double third = (second * 2 + 1) / 3;
    double fourth = (third * 2 + 9) / 3;
    assertOutputs(
        provider,
        bars,
        Map.of("period", "3"),
        new double[][] {nanThen(2, first, second, third, fourth)},
        1e-12);
  }

  @Test
  void matchesWildersDefinitionOnALongSeries() {
    Ohlcv bars = Ohlcv.random(3000, 31);

    assertOutputs(provider, bars, Map.of(), new double[][] {Reference.atr(bars, 14)}, 1e-6);
  }
}

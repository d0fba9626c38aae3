package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObvIndicatorProviderTest {

  private final ObvIndicatorProvider provider = new ObvIndicatorProvider();

  @Test
  void describesAParameterlessVolumeLineInItsOwnPane() {
    assertThat(provider.descriptor().id()).isEqualTo("obv");
    assertThat(provider.descriptor().parameters()).isEmpty();
    assertThat(provider.descriptor().overlay()).isFalse();
  }

  @Test
  void addsVolumeOnUpBarsSubtractsItOnDownBarsAndKeepsItOnUnchangedOnes() {
    double[] closes = {10, 11, 11, 10.5, 12};
    Ohlcv bars =
        Ohlcv.of(closes.clone(), closes.clone(), closes, new double[] {100, 200, 300, 400, 500});

    assertOutputs(provider, bars, Map.of(), new double[][] {{0, 200, 200, -200, 300}}, 0);
  }

  @Test
  void matchesTheDefinitionOnALongSeries() {
    Ohlcv bars = Ohlcv.random(3000, 37);

    assertOutputs(provider, bars, Map.of(), new double[][] {Reference.obv(bars)}, 1e-6);
  }
}

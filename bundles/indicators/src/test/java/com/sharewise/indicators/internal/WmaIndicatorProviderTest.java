package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.IndicatorAssert.nanThen;
import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.IndicatorDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WmaIndicatorProviderTest {

  private final WmaIndicatorProvider provider = new WmaIndicatorProvider();

  @Test
  void describesAnOverlayOverTwentyBarsByDefault() {
    IndicatorDescriptor descriptor = provider.descriptor();

    assertThat(descriptor.id()).isEqualTo("wma");
    assertThat(descriptor.outputs()).containsExactly("value");
    assertThat(descriptor.overlay()).isTrue();
    assertThat(descriptor.parameters().get(0).defaultValue()).isEqualTo(20L);
  }

  @Test
  void weighsTheNewestBarMost() {
    Ohlcv bars = closes(1, 2, 3, 4, 5);

    // (1·1 + 2·2 + 3·3) / 6, (1·2 + 2·3 + 3·4) / 6, (1·3 + 2·4 + 3·5) / 6
    assertOutputs(
        provider,
        bars,
        Map.of("period", "3"),
        new double[][] {nanThen(2, 14 / 6.0, 20 / 6.0, 26 / 6.0)},
        1e-12);
  }

  @Test
  void matchesTheTextbookDefinitionOnALongSeries() {
    double[] closes = TestSeries.randomWalk(800, 5);

    assertOutputs(
        provider,
        closes(closes),
        Map.of("period", "30"),
        new double[][] {Reference.wma(closes, 30)},
        1e-6);
  }

  static Ohlcv closes(double... closes) {
    return Ohlcv.of(closes.clone(), closes.clone(), closes, new double[closes.length]);
  }
}

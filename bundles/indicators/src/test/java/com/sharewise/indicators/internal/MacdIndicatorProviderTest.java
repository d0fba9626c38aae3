package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacdIndicatorProviderTest {

  private final MacdIndicatorProvider provider = new MacdIndicatorProvider();

  @Test
  void describesThreeOutputsInTheirOwnPaneWithTheClassicPeriods() {
    IndicatorDescriptor descriptor = provider.descriptor();

    assertThat(descriptor.id()).isEqualTo("macd");
    assertThat(descriptor.outputs()).containsExactly("macd", "signal", "histogram");
    assertThat(descriptor.overlay()).isFalse();
    assertThat(descriptor.parameters())
        .extracting(ParameterSpec::name, ParameterSpec::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fast", 12L),
            org.assertj.core.groups.Tuple.tuple("slow", 26L),
            org.assertj.core.groups.Tuple.tuple("signal", 9L));
  }

  @Test
  void matchesSeededEmasOfTheCloseAndOfTheMacdLine() {
    double[] closes = TestSeries.randomWalk(400, 17);

    assertOutputs(
        provider,
        WmaIndicatorProviderTest.closes(closes),
        Map.of(),
        Reference.macd(closes, 12, 26, 9),
        1e-6);
  }

  @Test
  void theLineStartsAtBarTwentyFiveAndSignalAndHistogramAtThirtyThree() {
    double[][] macd = Reference.macd(TestSeries.randomWalk(40, 1), 12, 26, 9);

    assertThat(Double.isNaN(macd[0][24])).isTrue();
    assertThat(Double.isNaN(macd[0][25])).isFalse();
    assertThat(Double.isNaN(macd[1][32])).isTrue();
    assertThat(Double.isNaN(macd[1][33])).isFalse();
    assertOutputs(
        provider,
        WmaIndicatorProviderTest.closes(TestSeries.randomWalk(40, 1)),
        Map.of(),
        macd,
        1e-6);
  }

  @Test
  void refusesAFastPeriodThatIsNotShorterThanTheSlowOne() {
    Parameters equal =
        Parameters.resolve(provider.descriptor().parameters(), Map.of("fast", "26", "slow", "26"));
    Ohlcv bars = WmaIndicatorProviderTest.closes(1, 2, 3);

    assertThatThrownBy(() -> provider.create(bars.series(), equal))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fast"))
        .hasMessage("fast (26) must be less than slow (26)");
    assertThatThrownBy(() -> provider.compute(bars.arrays(), equal))
        .isInstanceOf(ParameterException.class);
  }
}

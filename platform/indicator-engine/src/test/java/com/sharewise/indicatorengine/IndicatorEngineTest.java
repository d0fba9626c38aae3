package com.sharewise.indicatorengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.num.Num;

class IndicatorEngineTest {

  private static final List<ParameterSpec> SHIFT =
      List.of(ParameterSpec.integer("shift", "bars back", 1, 1, 10));

  /** Close of {@code shift} bars ago, NaN before; ta4j only. */
  static class PreviousClose implements IndicatorProvider {
    @Override
    public IndicatorDescriptor descriptor() {
      return new IndicatorDescriptor("prev", "Previous close", "", List.of("value"), SHIFT, true);
    }

    @Override
    public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
      int shift = parameters.getInt("shift");
      Indicator<Num> previous =
          new PreviousValueIndicator(new ClosePriceIndicator(series), shift) {
            @Override
            protected Num calculate(int index) {
              return index < shift ? org.ta4j.core.num.NaN.NaN : super.calculate(index);
            }
          };
      return Map.of("value", previous);
    }
  }

  /** Two outputs: close and volume; batch path, and a ta4j path that must not be used. */
  static class CloseAndVolume implements IndicatorProvider, BatchIndicator {
    @Override
    public IndicatorDescriptor descriptor() {
      return new IndicatorDescriptor(
          "cv", "Close and volume", "", List.of("close", "volume"), List.of(), false);
    }

    @Override
    public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
      throw new AssertionError("the batch path is used when there is one");
    }

    @Override
    public double[][] compute(BarArrays bars, Parameters parameters) {
      return new double[][] {bars.close().clone(), bars.volume().clone()};
    }
  }

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final Instant OPEN = Instant.parse("2025-01-06T03:45:00Z");

  private static List<Bar> bars(double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      double c = closes[i];
      bars.add(
          new Bar(INFY, Timeframe.M1, OPEN.plusSeconds(60L * i), c, c + 1, c - 1, c, 100L * i));
    }
    return bars;
  }

  @Test
  void listsTheInstalledIndicatorsOncePerIdSortedById() {
    IndicatorEngine engine =
        new IndicatorEngine(
            new FakeProviders()
                .add("b.plugin", new PreviousClose())
                .add("a.plugin", new CloseAndVolume())
                .add("c.plugin", new PreviousClose()));

    assertThat(engine.available())
        .extracting(IndicatorDescriptor::id)
        .containsExactly("cv", "prev");
  }

  @Test
  void computesThroughTa4jWhenTheProviderHasNoBatchPath() {
    IndicatorEngine engine = new IndicatorEngine(new FakeProviders().add("p", new PreviousClose()));
    List<Bar> bars = bars(10, 11, 12.5, 13);

    IndicatorSeries series = engine.compute("prev", bars, Map.of("shift", "2"));

    assertThat(series.id()).isEqualTo("prev");
    assertThat(series.outputs()).containsExactly("value");
    assertThat(series.times())
        .containsExactly(OPEN, OPEN.plusSeconds(60), OPEN.plusSeconds(120), OPEN.plusSeconds(180));
    assertThat(series.values().get("value")).containsExactly(Double.NaN, Double.NaN, 10, 11);
  }

  @Test
  void usesTheBatchPathWhenThereIsOneWithOutputsInDescriptorOrder() {
    IndicatorEngine engine =
        new IndicatorEngine(new FakeProviders().add("p", new CloseAndVolume()));

    IndicatorSeries series = engine.compute("cv", bars(10, 11, 12), Map.of());

    assertThat(series.values().keySet()).containsExactly("close", "volume");
    assertThat(series.values().get("close")).containsExactly(10, 11, 12);
    assertThat(series.values().get("volume")).containsExactly(0, 100, 200);
  }

  @Test
  void anEmptyRunOfBarsGivesEmptySeries() {
    IndicatorEngine engine = new IndicatorEngine(new FakeProviders().add("p", new PreviousClose()));

    IndicatorSeries series = engine.compute("prev", List.of(), Map.of());

    assertThat(series.times()).isEmpty();
    assertThat(series.values().get("value")).isEmpty();
  }

  @Test
  void anUnknownIdIsRefusedListingTheKnownOnes() {
    IndicatorEngine engine =
        new IndicatorEngine(
            new FakeProviders().add("p", new PreviousClose()).add("q", new CloseAndVolume()));

    assertThatThrownBy(() -> engine.compute("ichimoku", bars(1, 2), Map.of()))
        .isInstanceOfSatisfying(
            UnknownIndicatorException.class,
            e -> {
              assertThat(e.id()).isEqualTo("ichimoku");
              assertThat(e.known()).containsExactly("cv", "prev");
            })
        .hasMessage("unknown indicator 'ichimoku'; known: cv, prev");
  }

  @Test
  void aBadParameterIsRefusedNamingIt() {
    IndicatorEngine engine = new IndicatorEngine(new FakeProviders().add("p", new PreviousClose()));

    assertThatThrownBy(() -> engine.compute("prev", bars(1, 2), Map.of("shift", "99")))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("shift"))
        .hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> engine.compute("prev", bars(1, 2), Map.of("period", "3")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("unknown parameter 'period'; known: shift");
  }

  @Test
  void aProviderThatThrowsIsReportedAsAFailedIndicatorNamingThePlugin() {
    IndicatorProvider broken =
        new PreviousClose() {
          @Override
          public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
            throw new ArithmeticException("/ by zero");
          }
        };
    IndicatorEngine engine = new IndicatorEngine(new FakeProviders().add("com.example.x", broken));

    assertThatThrownBy(() -> engine.compute("prev", bars(1, 2), Map.of()))
        .isInstanceOfSatisfying(
            IndicatorFailedException.class,
            e -> {
              assertThat(e.id()).isEqualTo("prev");
              assertThat(e.pluginId()).isEqualTo("com.example.x");
            })
        .hasMessage(
            "indicator 'prev' (plugin com.example.x) failed: ArithmeticException: / by zero")
        .hasCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void aProviderWhoseOutputsDoNotMatchItsDescriptorIsReportedAsFailed() {
    IndicatorProvider oneShort =
        new CloseAndVolume() {
          @Override
          public double[][] compute(BarArrays bars, Parameters parameters) {
            return new double[][] {bars.close()};
          }
        };
    IndicatorProvider missingOutput =
        new PreviousClose() {
          @Override
          public Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters) {
            Map<String, Indicator<Num>> wrong = new LinkedHashMap<>();
            wrong.put("val", new ClosePriceIndicator(series));
            return wrong;
          }
        };
    IndicatorEngine engine =
        new IndicatorEngine(
            new FakeProviders().add("x.short", oneShort).add("x.missing", missingOutput));

    assertThatThrownBy(() -> engine.compute("cv", bars(1, 2), Map.of()))
        .isInstanceOf(IndicatorFailedException.class)
        .hasMessage(
            "indicator 'cv' (plugin x.short) failed: returned 1 outputs where its descriptor"
                + " declares 2 [close, volume]");
    assertThatThrownBy(() -> engine.compute("prev", bars(1, 2), Map.of()))
        .isInstanceOf(IndicatorFailedException.class)
        .hasMessage(
            "indicator 'prev' (plugin x.missing) failed: returned no indicator for output"
                + " 'value' (got [val])");
  }

  @Test
  void barsOutOfTimeOrderAreRefused() {
    IndicatorEngine engine =
        new IndicatorEngine(new FakeProviders().add("p", new CloseAndVolume()));
    List<Bar> bars = new ArrayList<>(bars(1, 2, 3));
    bars.add(bars.get(0));

    assertThatThrownBy(() -> engine.compute("cv", bars, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending time order: bar 3");
  }
}

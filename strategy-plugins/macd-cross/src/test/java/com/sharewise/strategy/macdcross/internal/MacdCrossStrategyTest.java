package com.sharewise.strategy.macdcross.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyDescriptor;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.api.testing.TestStrategyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MacdCrossStrategyTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  /**
   * With MACD(2,4,3) (bar: MACD / signal):
   *
   * <pre>
   *  3: -1.0               first MACD value (slow EMA complete)
   *  5: -1.0 / -1.0        first signal value; lines equal, no side yet
   *  8: 0.2978 / -0.2178   above, but never seen below: no crossing
   * 12: -0.2455 / 0.185    crossed below, flat       -> nothing
   * 14: -0.1133 / -0.1610  crossed above, below zero -> ENTER_LONG
   * 18: 1.2618 / 1.3809    crossed below             -> EXIT_LONG
   * 21: 0.9764 / 0.7514    crossed above, above zero -> ENTER_LONG unless onlyBelowZero
   * 23: 0.8414 / 0.9576    crossed below             -> EXIT_LONG if it entered at 21
   * </pre>
   */
  private static final double[] SERIES = {
    100, 99, 98, 97, 96, 95, 94, 95, 97, 99, 100, 99, 97, 96, 97.5, 100, 104, 106, 105, 103, 104,
    107, 109, 108, 106, 104
  };

  private final MacdCrossStrategyFactory factory = new MacdCrossStrategyFactory();
  private final TestStrategyContext context = new TestStrategyContext(Timeframe.M15, INFY);

  @Test
  void describesItsParameters() {
    StrategyDescriptor descriptor = factory.descriptor();

    assertThat(descriptor.id()).isEqualTo("macd-cross");
    assertThat(Parameters.defaults(descriptor.parameters()).asMap())
        .containsExactly(
            Map.entry("fast", 12L),
            Map.entry("slow", 26L),
            Map.entry("signal", 9L),
            Map.entry("onlyBelowZero", false));
    assertThat(descriptor.parameters())
        .extracting(p -> p.name() + " " + p.min() + ".." + p.max())
        .containsExactly(
            "fast 1.0..499.0", "slow 2.0..500.0", "signal 1.0..500.0", "onlyBelowZero null..null");
  }

  @Test
  void buysWhenMacdCrossesAboveItsSignalLineAndSellsWhenItCrossesBelow() {
    StrategyInstance strategy = create(false);

    List<Bar> bars = new ArrayList<>();
    for (double close : SERIES) {
      bars.add(context.close(strategy, INFY, close));
    }

    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactly("ENTER_LONG@14", "EXIT_LONG@18", "ENTER_LONG@21", "EXIT_LONG@23");
    assertThat(context.signals().subList(0, 2))
        .containsExactly(
            new Signal(
                "test-1",
                INFY,
                Timeframe.M15,
                SignalAction.ENTER_LONG,
                bars.get(14).endTime(),
                97.5,
                "MACD(2,4,3) crossed above its signal line: -0.1133 > -0.1610, below zero",
                Map.of("macd", "-0.1133", "signal", "-0.161", "histogram", "0.0477")),
            new Signal(
                "test-1",
                INFY,
                Timeframe.M15,
                SignalAction.EXIT_LONG,
                bars.get(18).endTime(),
                105,
                "MACD(2,4,3) crossed below its signal line: 1.2618 < 1.3809, above zero",
                Map.of("macd", "1.2618", "signal", "1.3809", "histogram", "-0.1191")));
  }

  @Test
  void onlyBelowZeroSkipsCrossingsAboveTheZeroLine() {
    StrategyInstance strategy = create(true);

    for (double close : SERIES) {
      context.close(strategy, INFY, close);
    }

    // The crossing at bar 21 is above zero: no entry, so no exit at 23 either.
    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactly("ENTER_LONG@14", "EXIT_LONG@18");
  }

  @Test
  void signalsExactlyWhereAnIndependentComputationDoes() {
    for (boolean onlyBelowZero : new boolean[] {false, true}) {
      TestStrategyContext fresh = new TestStrategyContext(Timeframe.M15, INFY);
      double[] closes = randomWalk(3000, 3);
      StrategyInstance strategy =
          factory.create(
              fresh, parameters(Map.of("onlyBelowZero", Boolean.toString(onlyBelowZero))));

      for (double close : closes) {
        fresh.close(strategy, INFY, close);
      }

      List<String> expected = Reference.signals(closes, 12, 26, 9, onlyBelowZero);
      assertThat(expected).hasSizeGreaterThan(20);
      assertThat(fresh.signals())
          .as("onlyBelowZero=%s", onlyBelowZero)
          .extracting(s -> s.action() + "@" + fresh.barIndex(s))
          .containsExactlyElementsOf(expected);
    }
    // The filter must make a difference on this walk, or the second run proves little.
    double[] closes = randomWalk(3000, 3);
    assertThat(Reference.signals(closes, 12, 26, 9, true))
        .isNotEqualTo(Reference.signals(closes, 12, 26, 9, false));
  }

  @Test
  void staysSilentUntilTheSignalLineHasWarmedUp() {
    // Default MACD(12,26,9): the signal line's first value is at bar 33.
    StrategyInstance strategy = factory.create(context, Parameters.defaults(specs()));
    double[] closes = randomWalk(33, 5);

    for (double close : closes) {
      context.close(strategy, INFY, close);
    }

    assertThat(context.signals()).isEmpty();
    assertThat(Reference.macd(closes, 12, 26, 9)[1]).containsOnly(Double.NaN);
  }

  @Test
  void historyLoadedBeforeStartSetsThePositionButEmitsNothing() {
    for (int i = 0; i <= 15; i++) {
      context.append(INFY, SERIES[i]);
    }
    StrategyInstance strategy = create(false);

    for (int i = 16; i < SERIES.length; i++) {
      context.close(strategy, INFY, SERIES[i]);
    }

    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactly("EXIT_LONG@18", "ENTER_LONG@21", "EXIT_LONG@23");
  }

  @Test
  void watchesEachInstrumentOnItsOwnAndIgnoresOtherTimeframes() {
    TestStrategyContext two = new TestStrategyContext(Timeframe.M15, INFY, TCS);
    StrategyInstance strategy =
        factory.create(two, parameters(Map.of("fast", "2", "slow", "4", "signal", "3")));

    for (double close : SERIES) {
      Bar bar = two.close(strategy, INFY, close);
      two.close(strategy, TCS, 100);
      strategy.onBar(new Bar(INFY, Timeframe.H1, bar.openTime(), 1, 1, 1, 1, 1));
    }

    assertThat(two.signals()).extracting(Signal::instrument).containsOnly(INFY).hasSize(4);
  }

  @Test
  void refusesAFastAverageThatIsNotFasterThanTheSlowOne() {
    for (Map<String, String> given :
        List.of(Map.of("fast", "26", "slow", "26"), Map.of("fast", "30", "slow", "20"))) {
      assertThatThrownBy(() -> factory.validate(parameters(given)))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fast"))
          .hasMessageContaining("must be less than slow");
      assertThatThrownBy(() -> factory.create(context, parameters(given)))
          .isInstanceOf(ParameterException.class);
    }
  }

  @Test
  void refusesValuesOutsideTheDeclaredRanges() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("fast", "0"),
            Map.entry("slow", "501"),
            Map.entry("signal", "0"),
            Map.entry("onlyBelowZero", "maybe"))) {
      assertThatThrownBy(() -> parameters(Map.ofEntries(bad)))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo(bad.getKey()));
    }
  }

  private StrategyInstance create(boolean onlyBelowZero) {
    return factory.create(
        context,
        parameters(
            Map.of(
                "fast", "2",
                "slow", "4",
                "signal", "3",
                "onlyBelowZero", Boolean.toString(onlyBelowZero))));
  }

  private List<ParameterSpec> specs() {
    return factory.descriptor().parameters();
  }

  private Parameters parameters(Map<String, String> given) {
    return Parameters.resolve(specs(), given);
  }

  private static double[] randomWalk(int length, long seed) {
    Random random = new Random(seed);
    double[] closes = new double[length];
    double price = 800;
    for (int i = 0; i < length; i++) {
      price = Math.max(1, price + random.nextGaussian() * 6);
      closes[i] = Math.round(price * 20) / 20.0;
    }
    return closes;
  }

  /** The strategy's rules by the textbook, on whole arrays, written apart from the code. */
  private static final class Reference {

    static List<String> signals(
        double[] closes, int fast, int slow, int signal, boolean onlyBelowZero) {
      double[][] macd = macd(closes, fast, slow, signal);
      List<String> out = new ArrayList<>();
      int lastSide = 0;
      boolean holding = false;
      for (int i = 0; i < closes.length; i++) {
        double histogram = macd[0][i] - macd[1][i];
        int crossed = 0;
        if (!Double.isNaN(histogram) && histogram != 0) {
          int side = histogram > 0 ? 1 : -1;
          crossed = lastSide != 0 && side != lastSide ? side : 0;
          lastSide = side;
        }
        if (holding && crossed < 0) {
          holding = false;
          out.add("EXIT_LONG@" + i);
        } else if (!holding && crossed > 0 && (!onlyBelowZero || macd[0][i] < 0)) {
          holding = true;
          out.add("ENTER_LONG@" + i);
        }
      }
      return out;
    }

    /** MACD line and signal line; the signal's EMA starts with the first MACD value. */
    static double[][] macd(double[] closes, int fast, int slow, int signal) {
      double[] fastEma = ema(closes, 0, fast);
      double[] slowEma = ema(closes, 0, slow);
      double[] line = new double[closes.length];
      for (int i = 0; i < closes.length; i++) {
        line[i] = fastEma[i] - slowEma[i];
      }
      return new double[][] {line, ema(line, slow - 1, signal)};
    }

    /** EMA of values[from..], seeded with the mean of its first {@code period} values. */
    static double[] ema(double[] values, int from, int period) {
      double[] out = new double[values.length];
      Arrays.fill(out, Double.NaN);
      int seedEnd = from + period - 1;
      if (seedEnd >= values.length) {
        return out;
      }
      double sum = 0;
      for (int i = from; i <= seedEnd; i++) {
        sum += values[i];
      }
      out[seedEnd] = sum / period;
      double alpha = 2.0 / (period + 1);
      for (int i = seedEnd + 1; i < values.length; i++) {
        out[i] = alpha * values[i] + (1 - alpha) * out[i - 1];
      }
      return out;
    }
  }
}

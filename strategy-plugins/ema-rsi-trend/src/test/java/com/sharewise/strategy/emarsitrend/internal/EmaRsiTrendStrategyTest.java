package com.sharewise.strategy.emarsitrend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
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

class EmaRsiTrendStrategyTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  /**
   * Falls, rises, falls, spikes, drifts. With EMA(3), EMA(6), RSI(4), rsiMax 70, rsiExit 85 (bar:
   * fast / slow, RSI):
   *
   * <pre>
   * 11: 96.31 / 96.16, 62.21  crossed above, RSI below 70        -> ENTER_LONG
   * 14: 99.54 / 98.39, 87.24  RSI above 85                        -> EXIT_LONG
   * 19: 101.39 / 101.44       crossed below, but flat             -> nothing
   * 26: 100.06 / 98.45, 77.86 crossed above, RSI too high (chase) -> nothing
   * 30: 98.57 / 98.99         crossed below, flat                 -> nothing
   * 37: 96.606 / 96.603, 54.55 crossed above                      -> ENTER_LONG
   * 40: 96.08 / 96.43         crossed below                       -> EXIT_LONG
   * </pre>
   */
  private static final double[] SERIES = {
    100, 99, 98, 97, 96, 95, 94, 95, 96, 95, 96, 97, 98, 99, 101, 103, 105, 104, 102, 100, 98, 96,
    94, 93, 92, 99, 104, 103, 101, 99, 97, 95, 96, 95, 96, 97, 96, 97, 98, 97, 95, 93
  };

  private static final Map<String, String> HAND_MADE =
      Map.of(
          "fastPeriod", "3", "slowPeriod", "6", "rsiPeriod", "4", "rsiMax", "70", "rsiExit", "85");

  private final EmaRsiTrendStrategyFactory factory = new EmaRsiTrendStrategyFactory();
  private final TestStrategyContext context = new TestStrategyContext(Timeframe.M5, INFY);

  @Test
  void describesItsParameters() {
    StrategyDescriptor descriptor = factory.descriptor();

    assertThat(descriptor.id()).isEqualTo("ema-rsi-trend");
    assertThat(descriptor.extraTimeframes()).isEmpty();
    assertThat(Parameters.defaults(descriptor.parameters()).asMap())
        .containsExactly(
            Map.entry("fastPeriod", 9L),
            Map.entry("slowPeriod", 21L),
            Map.entry("rsiPeriod", 14L),
            Map.entry("rsiMax", 70.0),
            Map.entry("rsiExit", 80.0));
    assertThat(descriptor.parameters())
        .extracting(p -> p.name() + " " + p.min() + ".." + p.max())
        .containsExactly(
            "fastPeriod 1.0..500.0",
            "slowPeriod 2.0..1000.0",
            "rsiPeriod 2.0..500.0",
            "rsiMax 1.0..100.0",
            "rsiExit 1.0..100.0");
  }

  @Test
  void entersOnACrossBelowTheRsiMaximumAndExitsOnRsiOrTheCrossBack() {
    StrategyInstance strategy = factory.create(context, parameters(HAND_MADE));

    List<Bar> bars = new ArrayList<>();
    for (double close : SERIES) {
      bars.add(context.close(strategy, INFY, close));
    }

    assertThat(context.signals())
        .containsExactly(
            signal(
                bars.get(11),
                SignalAction.ENTER_LONG,
                "EMA(3) crossed above EMA(6) with RSI(4) 62.21 < 70",
                "96.3125",
                "96.1585",
                "62.207"),
            signal(
                bars.get(14),
                SignalAction.EXIT_LONG,
                "RSI(4) 87.24 > 85",
                "99.5391",
                "98.3901",
                "87.2449"),
            signal(
                bars.get(37),
                SignalAction.ENTER_LONG,
                "EMA(3) crossed above EMA(6) with RSI(4) 54.55 < 70",
                "96.606",
                "96.603",
                "54.5542"),
            signal(
                bars.get(40),
                SignalAction.EXIT_LONG,
                "EMA(3) crossed below EMA(6)",
                "96.0757",
                "96.4297",
                "31.4042"));
  }

  @Test
  void signalsExactlyWhereAnIndependentComputationDoesWithTheDefaults() {
    double[] closes = randomWalk(3000, 7);
    StrategyInstance strategy = factory.create(context, Parameters.defaults(descriptor()));

    for (double close : closes) {
      context.close(strategy, INFY, close);
    }

    assertThat(context.signals()).hasSizeGreaterThan(20);
    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactlyElementsOf(Reference.signals(closes, 9, 21, 14, 70, 80));
  }

  @Test
  void signalsExactlyWhereAnIndependentComputationDoesWithATightFilter() {
    double[] closes = randomWalk(3000, 11);
    StrategyInstance strategy =
        factory.create(
            context,
            parameters(
                Map.of(
                    "fastPeriod", "5",
                    "slowPeriod", "13",
                    "rsiPeriod", "7",
                    "rsiMax", "55",
                    "rsiExit", "72.5")));

    for (double close : closes) {
      context.close(strategy, INFY, close);
    }

    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactlyElementsOf(Reference.signals(closes, 5, 13, 7, 55, 72.5));
    // The walk must exercise every rule, or the comparison proves little.
    assertThat(Reference.events(closes, 5, 13, 7, 55, 72.5))
        .contains("ENTER", "EXIT_CROSS", "EXIT_RSI", "FILTERED");
  }

  @Test
  void staysSilentUntilBothAveragesAndTheRsiHaveWarmedUp() {
    // With RSI(20) the RSI has no value until bar 20, after the EMA crossing at bar 11.
    Map<String, String> slowRsi = new java.util.HashMap<>(HAND_MADE);
    slowRsi.put("rsiPeriod", "20");
    StrategyInstance strategy = factory.create(context, parameters(slowRsi));

    for (int i = 0; i < 19; i++) {
      context.close(strategy, INFY, SERIES[i]);
    }

    assertThat(context.signals()).isEmpty();
  }

  @Test
  void historyLoadedBeforeStartSetsThePositionButEmitsNothing() {
    for (int i = 0; i <= 12; i++) {
      context.append(INFY, SERIES[i]);
    }
    StrategyInstance strategy = factory.create(context, parameters(HAND_MADE));

    for (int i = 13; i < SERIES.length; i++) {
      context.close(strategy, INFY, SERIES[i]);
    }

    // The entry at bar 11 was history; its RSI exit at bar 14 is live.
    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + context.barIndex(s))
        .containsExactly("EXIT_LONG@14", "ENTER_LONG@37", "EXIT_LONG@40");
  }

  @Test
  void watchesEachInstrumentOnItsOwnAndIgnoresOtherTimeframes() {
    TestStrategyContext two = new TestStrategyContext(Timeframe.M5, INFY, TCS);
    StrategyInstance strategy = factory.create(two, parameters(HAND_MADE));

    for (double close : SERIES) {
      Bar bar = two.close(strategy, INFY, close);
      two.close(strategy, TCS, 100);
      strategy.onBar(new Bar(INFY, Timeframe.M15, bar.openTime(), 1, 1, 1, 1, 1));
    }

    assertThat(two.signals()).extracting(Signal::instrument).containsOnly(INFY).hasSize(4);
  }

  @Test
  void refusesAFastAverageThatIsNotFasterThanTheSlowOne() {
    for (Map<String, String> given :
        List.of(
            Map.of("fastPeriod", "21", "slowPeriod", "21"),
            Map.of("fastPeriod", "50", "slowPeriod", "20"))) {
      assertThatThrownBy(() -> factory.validate(parameters(given)))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fastPeriod"))
          .hasMessageContaining("must be less than slowPeriod");
    }
  }

  @Test
  void refusesAnExitLevelBelowTheEntryMaximum() {
    assertThatThrownBy(() -> factory.validate(parameters(Map.of("rsiMax", "75", "rsiExit", "60"))))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("rsiExit"))
        .hasMessageContaining("must not be below rsiMax (75)");
    assertThatThrownBy(
            () ->
                factory.create(context, parameters(Map.of("fastPeriod", "30", "slowPeriod", "10"))))
        .isInstanceOf(ParameterException.class);
  }

  @Test
  void refusesValuesOutsideTheDeclaredRanges() {
    for (String name : List.of("fastPeriod", "rsiPeriod", "rsiMax", "rsiExit")) {
      assertThatThrownBy(() -> parameters(Map.of(name, "0")))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo(name));
    }
    assertThatThrownBy(() -> parameters(Map.of("rsiExit", "101")))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("rsiExit"));
  }

  private Signal signal(
      Bar bar, SignalAction action, String reason, String fast, String slow, String rsi) {
    return new Signal(
        "test-1",
        INFY,
        Timeframe.M5,
        action,
        bar.endTime(),
        bar.close(),
        reason,
        Map.of("fastEma", fast, "slowEma", slow, "rsi", rsi));
  }

  private List<com.sharewise.api.param.ParameterSpec> descriptor() {
    return factory.descriptor().parameters();
  }

  private Parameters parameters(Map<String, String> given) {
    return Parameters.resolve(descriptor(), given);
  }

  private static double[] randomWalk(int length, long seed) {
    Random random = new Random(seed);
    double[] closes = new double[length];
    double price = 1500;
    for (int i = 0; i < length; i++) {
      price = Math.max(1, price + random.nextGaussian() * 12);
      closes[i] = Math.round(price * 20) / 20.0;
    }
    return closes;
  }

  /** The strategy's rules by the textbook, on whole arrays, written apart from the code. */
  private static final class Reference {

    static List<String> signals(
        double[] closes, int fast, int slow, int rsiPeriod, double rsiMax, double rsiExit) {
      return walk(closes, fast, slow, rsiPeriod, rsiMax, rsiExit, true);
    }

    static List<String> events(
        double[] closes, int fast, int slow, int rsiPeriod, double rsiMax, double rsiExit) {
      return walk(closes, fast, slow, rsiPeriod, rsiMax, rsiExit, false).stream()
          .distinct()
          .toList();
    }

    private static List<String> walk(
        double[] closes,
        int fast,
        int slow,
        int rsiPeriod,
        double rsiMax,
        double rsiExit,
        boolean asSignals) {
      double[] fastEma = ema(closes, fast);
      double[] slowEma = ema(closes, slow);
      double[] rsi = rsi(closes, rsiPeriod);
      List<String> out = new ArrayList<>();
      int lastSide = 0;
      boolean holding = false;
      for (int i = 0; i < closes.length; i++) {
        double difference = fastEma[i] - slowEma[i];
        int crossed = 0;
        if (!Double.isNaN(difference) && difference != 0) {
          int side = difference > 0 ? 1 : -1;
          crossed = lastSide != 0 && side != lastSide ? side : 0;
          lastSide = side;
        }
        if (holding && crossed < 0) {
          holding = false;
          out.add(asSignals ? "EXIT_LONG@" + i : "EXIT_CROSS");
        } else if (holding && rsi[i] > rsiExit) {
          holding = false;
          out.add(asSignals ? "EXIT_LONG@" + i : "EXIT_RSI");
        } else if (!holding && crossed > 0 && rsi[i] < rsiMax) {
          holding = true;
          out.add(asSignals ? "ENTER_LONG@" + i : "ENTER");
        } else if (!holding && crossed > 0 && !asSignals) {
          out.add("FILTERED");
        }
      }
      return out;
    }

    static double[] ema(double[] values, int period) {
      double[] out = new double[values.length];
      Arrays.fill(out, Double.NaN);
      double sum = 0;
      for (int i = 0; i < period && i < values.length; i++) {
        sum += values[i];
      }
      if (values.length < period) {
        return out;
      }
      out[period - 1] = sum / period;
      double alpha = 2.0 / (period + 1);
      for (int i = period; i < values.length; i++) {
        out[i] = alpha * values[i] + (1 - alpha) * out[i - 1];
      }
      return out;
    }

    /** Wilder's form: average = (previous × (n − 1) + current) / n. */
    static double[] rsi(double[] closes, int period) {
      double[] out = new double[closes.length];
      Arrays.fill(out, Double.NaN);
      if (closes.length <= period) {
        return out;
      }
      double gain = 0;
      double loss = 0;
      for (int i = 1; i <= period; i++) {
        gain += Math.max(closes[i] - closes[i - 1], 0);
        loss += Math.max(closes[i - 1] - closes[i], 0);
      }
      gain /= period;
      loss /= period;
      out[period] = rsi(gain, loss);
      for (int i = period + 1; i < closes.length; i++) {
        gain = (gain * (period - 1) + Math.max(closes[i] - closes[i - 1], 0)) / period;
        loss = (loss * (period - 1) + Math.max(closes[i - 1] - closes[i], 0)) / period;
        out[i] = rsi(gain, loss);
      }
      return out;
    }

    private static double rsi(double gain, double loss) {
      if (loss == 0) {
        return gain == 0 ? 50 : 100;
      }
      return 100 - 100 / (1 + gain / loss);
    }
  }
}

package com.sharewise.strategy.bollingerreversion.internal;

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

class BollingerReversionStrategyTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  /**
   * Quiet around 100 with three sharp drops and a final spike. With BB(10, 2) (bar: close, middle /
   * upper / lower):
   *
   * <pre>
   *  9: 101, 100.1 / 101.5 / 98.7        first full window
   * 11: 95, 99.5 / 102.76 / 96.24        dropped below lower  -> ENTER_LONG
   * 14: 99, 98.9 / 102.74 / 95.06        back at the middle   -> EXIT_LONG (exitAt middle)
   * 23: 95, 99.6 / 102.97 / 96.23        dropped below lower  -> ENTER_LONG
   * 26: 90, 97.2 / 104.94 / 89.46        5.26% below entry    -> EXIT_LONG if stopPercent 4
   * 28: 96.5, 96.05 / 103.32 / 88.78     back at the middle   -> EXIT_LONG
   * 37: 94, 99.45 / 104.32 / 94.58       dropped below lower  -> ENTER_LONG
   * 39: 100, 99.5 / 104.5 / 94.5         back at the middle   -> EXIT_LONG
   * 45: 125, 105.1 / 121.92 / 88.28      above the upper band -> EXIT_LONG (exitAt upper)
   * </pre>
   */
  private static final double[] SERIES = {
    100, 101, 100, 99, 100, 101, 100, 99, 100, 101, 100, 95, 96, 98, 99, 100, 101, 100, 101, 100,
    99, 100, 101, 95, 94, 92, 90, 93, 96.5, 99, 101, 103, 101, 100, 101, 99, 100, 94, 96, 100, 103,
    106, 108, 109, 110, 125
  };

  private final BollingerReversionStrategyFactory factory = new BollingerReversionStrategyFactory();
  private final TestStrategyContext context = new TestStrategyContext(Timeframe.D1, INFY);

  @Test
  void describesItsParameters() {
    StrategyDescriptor descriptor = factory.descriptor();

    assertThat(descriptor.id()).isEqualTo("bollinger-reversion");
    assertThat(Parameters.defaults(descriptor.parameters()).asMap())
        .containsExactly(
            Map.entry("period", 20L),
            Map.entry("k", 2.0),
            Map.entry("exitAt", "middle"),
            Map.entry("stopPercent", 0.0));
    assertThat(descriptor.parameters())
        .extracting(p -> p.name() + " " + p.min() + ".." + p.max() + " " + p.choices())
        .containsExactly(
            "period 2.0..500.0 []",
            "k 0.1..10.0 []",
            "exitAt null..null [middle, upper]",
            "stopPercent 0.0..50.0 []");
  }

  @Test
  void buysADropBelowTheLowerBandAndSellsBackAtTheMiddle() {
    StrategyInstance strategy = create("middle", "0");

    List<Bar> bars = run(strategy);

    assertThat(actions())
        .containsExactly(
            "ENTER_LONG@11",
            "EXIT_LONG@14",
            "ENTER_LONG@23",
            "EXIT_LONG@28",
            "ENTER_LONG@37",
            "EXIT_LONG@39");
    assertThat(context.signals().subList(0, 2))
        .containsExactly(
            signal(
                bars.get(11),
                SignalAction.ENTER_LONG,
                "Close 95.00 dropped below the lower band 96.24 of BB(10, 2)",
                "99.5",
                "102.7558",
                "96.2442"),
            signal(
                bars.get(14),
                SignalAction.EXIT_LONG,
                "Close 99.00 is back at the middle band SMA(10) 98.90",
                "98.9",
                "102.7419",
                "95.0581"));
  }

  @Test
  void withExitAtUpperHoldsUntilTheCloseCrossesTheUpperBand() {
    StrategyInstance strategy = create("upper", "0");

    List<Bar> bars = run(strategy);

    assertThat(context.signals())
        .extracting(Signal::action)
        .containsExactly(SignalAction.ENTER_LONG, SignalAction.EXIT_LONG);
    assertThat(context.signals().get(1))
        .isEqualTo(
            signal(
                bars.get(45),
                SignalAction.EXIT_LONG,
                "Close 125.00 crossed above the upper band 121.92 of BB(10, 2)",
                "105.1",
                "121.9155",
                "88.2845"));
  }

  @Test
  void theStopClosesALongThatKeepsFalling() {
    StrategyInstance strategy = create("middle", "4");

    List<Bar> bars = run(strategy);

    assertThat(actions())
        .containsExactly(
            "ENTER_LONG@11",
            "EXIT_LONG@14",
            "ENTER_LONG@23",
            "EXIT_LONG@26",
            "ENTER_LONG@37",
            "EXIT_LONG@39");
    assertThat(context.signals().get(3))
        .isEqualTo(
            signal(
                bars.get(26),
                SignalAction.EXIT_LONG,
                "Stop: close 90.00 is 5.26% below the entry close 95.00 (stop 4%)",
                "97.2",
                "104.9356",
                "89.4644"));
  }

  @Test
  void signalsExactlyWhereAnIndependentComputationDoes() {
    double[] closes = randomWalk(3000, 21);
    for (String[] setting :
        new String[][] {
          {"20", "2", "middle", "0"}, {"20", "1.5", "upper", "3"}, {"50", "2.5", "middle", "2"}
        }) {
      TestStrategyContext fresh = new TestStrategyContext(Timeframe.D1, INFY);
      StrategyInstance strategy =
          factory.create(
              fresh,
              parameters(
                  Map.of(
                      "period", setting[0],
                      "k", setting[1],
                      "exitAt", setting[2],
                      "stopPercent", setting[3])));

      for (double close : closes) {
        fresh.close(strategy, INFY, close);
      }

      List<String> expected =
          Reference.signals(
              closes,
              Integer.parseInt(setting[0]),
              Double.parseDouble(setting[1]),
              setting[2].equals("upper"),
              Double.parseDouble(setting[3]));
      assertThat(expected).as(Arrays.toString(setting)).hasSizeGreaterThan(10);
      assertThat(fresh.signals())
          .as(Arrays.toString(setting))
          .extracting(s -> s.action() + "@" + fresh.barIndex(s))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void staysSilentUntilTheWindowIsFull() {
    StrategyInstance strategy = create("middle", "0");

    // The drop at bar 11 would enter with a full window; with period 20 there is none yet.
    for (int i = 0; i < 19; i++) {
      context.close(strategy, INFY, SERIES[i]);
    }
    TestStrategyContext longWindow = new TestStrategyContext(Timeframe.D1, INFY);
    StrategyInstance slow = factory.create(longWindow, parameters(Map.of("period", "20")));
    for (int i = 0; i < 19; i++) {
      longWindow.close(slow, INFY, SERIES[i]);
    }

    assertThat(context.signals()).isNotEmpty();
    assertThat(longWindow.signals()).isEmpty();
  }

  @Test
  void historyLoadedBeforeStartSetsThePositionButEmitsNothing() {
    for (int i = 0; i <= 24; i++) {
      context.append(INFY, SERIES[i]);
    }
    StrategyInstance strategy = create("middle", "4");

    for (int i = 25; i < SERIES.length; i++) {
      context.close(strategy, INFY, SERIES[i]);
    }

    // The entry at 23 (close 95) was history; its stop at 26 is live.
    assertThat(actions()).containsExactly("EXIT_LONG@26", "ENTER_LONG@37", "EXIT_LONG@39");
  }

  @Test
  void watchesEachInstrumentOnItsOwnAndIgnoresOtherTimeframes() {
    TestStrategyContext two = new TestStrategyContext(Timeframe.D1, INFY, TCS);
    StrategyInstance strategy = factory.create(two, parameters(Map.of("period", "10", "k", "2")));

    for (double close : SERIES) {
      Bar bar = two.close(strategy, INFY, close);
      two.close(strategy, TCS, 100);
      strategy.onBar(new Bar(INFY, Timeframe.H1, bar.openTime(), 1, 1, 1, 1, 1));
    }

    assertThat(two.signals()).extracting(Signal::instrument).containsOnly(INFY).hasSize(6);
  }

  @Test
  void refusesValuesOutsideTheDeclaredRanges() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("period", "1"),
            Map.entry("k", "0"),
            Map.entry("exitAt", "lower"),
            Map.entry("stopPercent", "-1"),
            Map.entry("stopPercent", "60"))) {
      assertThatThrownBy(() -> factory.validate(parameters(Map.ofEntries(bad))))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo(bad.getKey()));
    }
  }

  private List<Bar> run(StrategyInstance strategy) {
    List<Bar> bars = new ArrayList<>();
    for (double close : SERIES) {
      bars.add(context.close(strategy, INFY, close));
    }
    return bars;
  }

  private List<String> actions() {
    return context.signals().stream().map(s -> s.action() + "@" + context.barIndex(s)).toList();
  }

  private StrategyInstance create(String exitAt, String stopPercent) {
    return factory.create(
        context,
        parameters(Map.of("period", "10", "k", "2", "exitAt", exitAt, "stopPercent", stopPercent)));
  }

  private static Signal signal(
      Bar bar, SignalAction action, String reason, String middle, String upper, String lower) {
    return new Signal(
        "test-1",
        INFY,
        Timeframe.D1,
        action,
        bar.endTime(),
        bar.close(),
        reason,
        Map.of("middle", middle, "upper", upper, "lower", lower));
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
    double price = 2400;
    for (int i = 0; i < length; i++) {
      price = Math.max(1, price + random.nextGaussian() * 15);
      closes[i] = Math.round(price * 20) / 20.0;
    }
    return closes;
  }

  /** The strategy's rules by the textbook, on whole arrays, written apart from the code. */
  private static final class Reference {

    static List<String> signals(
        double[] closes, int period, double k, boolean exitAtUpper, double stopPercent) {
      double[] middle = new double[closes.length];
      double[] upper = new double[closes.length];
      double[] lower = new double[closes.length];
      Arrays.fill(middle, Double.NaN);
      Arrays.fill(upper, Double.NaN);
      Arrays.fill(lower, Double.NaN);
      for (int i = period - 1; i < closes.length; i++) {
        double[] window = Arrays.copyOfRange(closes, i - period + 1, i + 1);
        double mean = Arrays.stream(window).sum() / period;
        double variance = Arrays.stream(window).map(c -> (c - mean) * (c - mean)).sum() / period;
        middle[i] = mean;
        upper[i] = mean + k * Math.sqrt(variance);
        lower[i] = mean - k * Math.sqrt(variance);
      }
      List<String> out = new ArrayList<>();
      boolean holding = false;
      double entry = 0;
      for (int i = 1; i < closes.length; i++) {
        double close = closes[i];
        if (holding) {
          boolean stopped = stopPercent > 0 && close <= entry * (1 - stopPercent / 100);
          boolean target = exitAtUpper ? close > upper[i] : close >= middle[i];
          if (stopped || target) {
            holding = false;
            out.add("EXIT_LONG@" + i);
          }
        } else if (close < lower[i] && closes[i - 1] >= lower[i - 1]) {
          holding = true;
          entry = close;
          out.add("ENTER_LONG@" + i);
        }
      }
      return out;
    }
  }
}

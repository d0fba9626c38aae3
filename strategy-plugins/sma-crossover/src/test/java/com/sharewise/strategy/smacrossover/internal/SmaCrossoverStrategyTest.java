package com.sharewise.strategy.smacrossover.internal;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmaCrossoverStrategyTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  /**
   * Falls, rises, falls. With SMA(2) and SMA(4) (bar: fast / slow):
   *
   * <pre>
   *  3: 17.5 / 18.5   first full slow window, fast below
   *  6: 15.5 / 16.0   still below
   *  7: 17.0 / 16.25  crossed above  -> ENTER_LONG
   *  9: 19.5 / 18.25  still above
   * 10: 18.0 / 18.5   crossed below  -> EXIT_LONG
   * </pre>
   */
  private static final double[] FALL_RISE_FALL = {
    20, 19, 18, 17, 16, 15, 16, 18, 20, 19, 17, 15, 14
  };

  private final SmaCrossoverStrategyFactory factory = new SmaCrossoverStrategyFactory();
  private final TestStrategyContext context = new TestStrategyContext(Timeframe.M5, INFY);

  @Test
  void describesItsParameters() {
    StrategyDescriptor descriptor = factory.descriptor();

    assertThat(descriptor.id()).isEqualTo("sma-crossover");
    assertThat(descriptor.extraTimeframes()).isEmpty();
    assertThat(Parameters.defaults(descriptor.parameters()).asMap())
        .containsExactly(Map.entry("fast", 10L), Map.entry("slow", 30L));
    assertThat(descriptor.parameters())
        .extracting(p -> p.name() + " " + p.min() + ".." + p.max())
        .containsExactly("fast 1.0..500.0", "slow 2.0..1000.0");
  }

  @Test
  void entersWhenFastCrossesAboveAndExitsWhenItCrossesBelow() {
    StrategyInstance strategy = create(2, 4);

    List<Bar> bars = new ArrayList<>();
    for (double close : FALL_RISE_FALL) {
      bars.add(context.close(strategy, INFY, close));
    }

    Bar entry = bars.get(7);
    Bar exit = bars.get(10);
    assertThat(context.signals())
        .containsExactly(
            new Signal(
                TestStrategyContext.INSTANCE_ID,
                INFY,
                Timeframe.M5,
                SignalAction.ENTER_LONG,
                entry.openTime().plus(Timeframe.M5.duration()),
                18,
                "SMA(2) crossed above SMA(4)",
                Map.of("fastSma", "17", "slowSma", "16.25")),
            new Signal(
                TestStrategyContext.INSTANCE_ID,
                INFY,
                Timeframe.M5,
                SignalAction.EXIT_LONG,
                exit.openTime().plus(Timeframe.M5.duration()),
                17,
                "SMA(2) crossed below SMA(4)",
                Map.of("fastSma", "18", "slowSma", "18.5")));
  }

  @Test
  void signalsExactlyWhereAnIndependentComputationSeesCrossings() {
    StrategyInstance strategy = create(10, 30);
    double[] closes = new double[400];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = Math.round((1500 + 60 * Math.sin(i / 25.0) + 25 * Math.sin(i / 7.0)) * 20) / 20.0;
    }

    for (double close : closes) {
      context.close(strategy, INFY, close);
    }

    assertThat(context.signals()).hasSizeGreaterThan(10);
    assertThat(context.signals())
        .extracting(s -> s.action() + "@" + barIndex(s))
        .containsExactlyElementsOf(expectedCrossings(closes, 10, 30));
  }

  @Test
  void staysSilentWhileTheSlowAverageIsWarmingUp() {
    StrategyInstance strategy = create(2, 4);

    // Bar 2: fast 11.5 is below ta4j's partial slow average 11.67 (three bars); bar 3: fast 16.5
    // is above the first full slow average 13.75. Without a slow value at bar 2 that is no cross.
    for (double close : new double[] {12, 10, 13, 20}) {
      context.close(strategy, INFY, close);
    }

    assertThat(context.signals()).isEmpty();
  }

  @Test
  void ignoresHistoryLoadedBeforeItStarted() {
    for (int i = 0; i < 9; i++) {
      context.append(INFY, FALL_RISE_FALL[i]);
    }
    StrategyInstance strategy = create(2, 4);

    for (int i = 9; i < FALL_RISE_FALL.length; i++) {
      context.close(strategy, INFY, FALL_RISE_FALL[i]);
    }

    assertThat(context.signals())
        .extracting(Signal::action)
        .containsExactly(SignalAction.EXIT_LONG);
  }

  @Test
  void watchesEachInstrumentOnItsOwn() {
    TestStrategyContext twoInstruments = new TestStrategyContext(Timeframe.M5, INFY, TCS);
    StrategyInstance strategy =
        factory.create(twoInstruments, parameters(Map.of("fast", "2", "slow", "4")));

    for (double close : FALL_RISE_FALL) {
      twoInstruments.close(strategy, INFY, close);
      twoInstruments.close(strategy, TCS, 100);
    }

    assertThat(twoInstruments.signals()).extracting(Signal::instrument).containsExactly(INFY, INFY);
  }

  @Test
  void ignoresBarsOfOtherInstrumentsAndTimeframes() {
    StrategyInstance strategy = create(2, 4);
    for (double close : FALL_RISE_FALL) {
      context.append(INFY, close);
    }
    Bar last = context.append(INFY, 30);

    strategy.onBar(new Bar(INFY, Timeframe.M15, last.openTime(), 30, 30, 30, 30, 1000));
    strategy.onBar(
        new Bar(InstrumentId.parse("NSE:SBIN"), Timeframe.M5, last.openTime(), 30, 30, 30, 30, 1));

    assertThat(context.signals()).isEmpty();
  }

  @Test
  void refusesAFastAverageThatIsNotFasterThanTheSlowOne() {
    for (Map<String, String> given :
        List.of(Map.of("fast", "30", "slow", "30"), Map.of("fast", "50", "slow", "20"))) {
      assertThatThrownBy(() -> factory.create(context, parameters(given)))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("fast"))
          .hasMessageContaining("must be less than slow");
    }
  }

  private StrategyInstance create(int fast, int slow) {
    return factory.create(context, parameters(Map.of("fast", "" + fast, "slow", "" + slow)));
  }

  private Parameters parameters(Map<String, String> given) {
    return Parameters.resolve(factory.descriptor().parameters(), given);
  }

  private static long barIndex(Signal signal) {
    return (signal.time().toEpochMilli() - TestStrategyContext.FIRST_OPEN.toEpochMilli())
            / Timeframe.M5.duration().toMillis()
        - 1;
  }

  /** Crossings by the textbook: fast − slow changes sign between two bars with full windows. */
  private static List<String> expectedCrossings(double[] closes, int fast, int slow) {
    List<String> crossings = new ArrayList<>();
    for (int i = slow; i < closes.length; i++) {
      double before = mean(closes, i - 1, fast) - mean(closes, i - 1, slow);
      double now = mean(closes, i, fast) - mean(closes, i, slow);
      if (before < 0 && now > 0) {
        crossings.add("ENTER_LONG@" + i);
      } else if (before > 0 && now < 0) {
        crossings.add("EXIT_LONG@" + i);
      }
    }
    return crossings;
  }

  private static double mean(double[] values, int end, int count) {
    double sum = 0;
    for (int i = end - count + 1; i <= end; i++) {
      sum += values[i];
    }
    return sum / count;
  }
}

package com.sharewise.strategy.smacrossover.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.api.testing.TestStrategyContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incremental crossover gives exactly the signals (bars, actions, reasons, attribute values)
 * the plugin gave when ta4j's SMA indicators and crossing rules computed them, on seeded series of
 * closes on the 0.05 tick grid. Such closes make the two averages exactly equal now and then, where
 * the rounding of each computation decides the side; the series below hold many such ties.
 */
class MatchesTa4jRulesTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
  private static final SmaCrossoverStrategyFactory FACTORY = new SmaCrossoverStrategyFactory();

  @ParameterizedTest(name = "SMA({0}) / SMA({1}), seed {2}")
  @CsvSource({"10, 30, 42", "10, 30, 7", "2, 4, 1", "1, 2, 3", "5, 50, 11", "20, 21, 5"})
  void givesTa4jsSignalsOnARandomWalk(int fast, int slow, long seed) {
    double[] closes = randomWalk(60_000, 1500, 0.0007, seed);

    Run run = Run.of(fast, slow, INFY);
    for (double close : closes) {
      run.close(INFY, close);
    }

    assertThat(run.plugin.signals()).hasSizeGreaterThan(500);
    assertThat(run.plugin.signals()).containsExactlyElementsOf(run.reference.signals());
  }

  @ParameterizedTest(name = "SMA({0}) / SMA({1}), seed {2}")
  @CsvSource({"3, 6, 1", "4, 12, 2", "10, 30, 3", "2, 3, 4"})
  void givesTa4jsSignalsWhereTheAveragesOftenTie(int fast, int slow, long seed) {
    double[] closes = fewTicks(40_000, seed);

    Run run = Run.of(fast, slow, INFY);
    for (double close : closes) {
      run.close(INFY, close);
    }

    assertThat(ties(closes, fast, slow)).isGreaterThan(100);
    assertThat(run.plugin.signals()).hasSizeGreaterThan(500);
    assertThat(run.plugin.signals()).containsExactlyElementsOf(run.reference.signals());
  }

  @ParameterizedTest(name = "history of {0} bars")
  @CsvSource({"0", "1", "29", "30", "31", "5000"})
  void givesTa4jsSignalsAfterHistoryLoadedBeforeTheStart(int history) {
    double[] closes = fewTicks(20_000, 9);
    TestStrategyContext plugin = new TestStrategyContext(Timeframe.M1, INFY);
    TestStrategyContext reference = new TestStrategyContext(Timeframe.M1, INFY);
    for (int i = 0; i < history; i++) {
      plugin.append(INFY, closes[i]);
      reference.append(INFY, closes[i]);
    }
    Run run = new Run(plugin, reference, 10, 30);

    for (int i = history; i < closes.length; i++) {
      run.close(INFY, closes[i]);
    }

    assertThat(run.plugin.signals()).hasSizeGreaterThan(100);
    assertThat(run.plugin.signals()).containsExactlyElementsOf(run.reference.signals());
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"21", "22"})
  void givesTa4jsSignalsForEachOfTwoInstruments(long seed) {
    double[] infy = randomWalk(20_000, 1500, 0.0007, seed);
    double[] tcs = fewTicks(20_000, seed);

    Run run = Run.of(10, 30, INFY, TCS);
    for (int i = 0; i < infy.length; i++) {
      run.close(INFY, infy[i]);
      run.close(TCS, tcs[i]);
    }

    assertThat(run.plugin.signals()).extracting(Signal::instrument).contains(INFY, TCS);
    assertThat(run.plugin.signals()).containsExactlyElementsOf(run.reference.signals());
  }

  /** The plugin and the ta4j reference, each over its own copy of the same series. */
  private record Run(
      TestStrategyContext plugin,
      TestStrategyContext reference,
      StrategyInstance pluginInstance,
      StrategyInstance referenceInstance) {

    Run(TestStrategyContext plugin, TestStrategyContext reference, int fast, int slow) {
      this(
          plugin,
          reference,
          FACTORY.create(
              plugin,
              Parameters.resolve(
                  FACTORY.descriptor().parameters(),
                  Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow)))),
          new Ta4jCrossover(reference, fast, slow));
    }

    static Run of(int fast, int slow, InstrumentId... instruments) {
      return new Run(
          new TestStrategyContext(Timeframe.M1, instruments),
          new TestStrategyContext(Timeframe.M1, instruments),
          fast,
          slow);
    }

    void close(InstrumentId instrument, double close) {
      plugin.close(pluginInstance, instrument, close);
      reference.close(referenceInstance, instrument, close);
    }
  }

  /** A geometric random walk rounded to the 0.05 tick, like the backtest benchmark's. */
  private static double[] randomWalk(int n, double start, double volatility, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] closes = new double[n];
    double price = start;
    for (int i = 0; i < n; i++) {
      price =
          Math.max(
              0.05, Math.round(price * Math.exp(random.nextGaussian() * volatility) * 20) / 20.0);
      closes[i] = price;
    }
    return closes;
  }

  /** Closes a few ticks either side of 100: the averages tie often, several bars in a row too. */
  private static double[] fewTicks(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] closes = new double[n];
    int ticks = 2000;
    for (int i = 0; i < n; i++) {
      ticks = Math.max(1996, Math.min(2004, ticks + random.nextInt(3) - 1));
      closes[i] = ticks / 20.0;
    }
    return closes;
  }

  /** Bars where the two averages, each its window summed afresh in doubles, are exactly equal. */
  private static int ties(double[] closes, int fast, int slow) {
    int ties = 0;
    for (int i = slow - 1; i < closes.length; i++) {
      if (mean(closes, i, fast) == mean(closes, i, slow)) {
        ties++;
      }
    }
    return ties;
  }

  private static double mean(double[] closes, int end, int period) {
    double sum = 0;
    for (int i = end - period + 1; i <= end; i++) {
      sum += closes[i];
    }
    return sum / period;
  }
}

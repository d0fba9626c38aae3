package com.sharewise.strategies;

import static com.sharewise.strategies.TestBars.FALL_RISE_FALL;
import static com.sharewise.strategies.TestBars.INFY;
import static com.sharewise.strategies.TestBars.SBIN;
import static com.sharewise.strategies.TestBars.TCS;
import static com.sharewise.strategies.TestBars.bar;
import static com.sharewise.strategies.TestBars.bars;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.strategies.StrategyRunner.State;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyRunnerTest {

  private static final SmaCrossoverStrategyFactory SMA = new SmaCrossoverStrategyFactory();
  private static final Clock CLOCK = Clock.fixed(TestBars.FIRST_OPEN, ZoneOffset.UTC);

  private final List<Signal> signals = new ArrayList<>();

  private StrategyRunner runner(StrategyFactory factory, Map<String, String> parameters) {
    return runner(factory, parameters, Duration.ZERO);
  }

  private StrategyRunner runner(
      StrategyFactory factory, Map<String, String> parameters, Duration budget) {
    return new StrategyRunner(
        new StrategyRunner.Spec(
            "inst-1",
            new AccountRef("7"),
            factory,
            Parameters.resolve(factory.descriptor().parameters(), parameters),
            List.of(INFY, TCS),
            Timeframe.M5),
        new StrategyRunner.Limits(100, budget),
        CLOCK,
        signals::add);
  }

  @Test
  void aRealStrategyPluginSignalsOnTheBarThatCrosses() {
    StrategyRunner runner = runner(SMA, Map.of("fast", "2", "slow", "4"));
    assertThat(runner.start()).isTrue();

    List<Bar> fed = bars(INFY, 0, FALL_RISE_FALL);
    fed.forEach(runner::onBar);

    assertThat(signals)
        .extracting(Signal::action, Signal::time, Signal::price, Signal::strategyInstanceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SignalAction.ENTER_LONG, fed.get(7).endTime(), 18.0, "inst-1"),
            org.assertj.core.groups.Tuple.tuple(
                SignalAction.EXIT_LONG, fed.get(10).endTime(), 17.0, "inst-1"));
    assertThat(signals.get(0).reason()).isEqualTo("SMA(2) crossed above SMA(4)");
    assertThat(runner.series(INFY, Timeframe.M5).getBarCount()).isEqualTo(FALL_RISE_FALL.length);
    assertThat(runner.stats().bars()).isEqualTo(FALL_RISE_FALL.length);
    assertThat(runner.stats().signals()).isEqualTo(2);
  }

  @Test
  void historyWarmsTheIndicatorsUpWithoutSignallingAndTheNextBarCanSignal() {
    StrategyRunner runner = runner(SMA, Map.of("fast", "2", "slow", "4"));
    List<Bar> all = bars(INFY, 0, FALL_RISE_FALL);
    // history up to bar 6; the crossing happens on bar 7, the first live bar
    runner.warmUp(all.subList(0, 7));
    runner.start();

    runner.onBar(all.get(7));

    assertThat(signals)
        .singleElement()
        .extracting(Signal::action)
        .isEqualTo(SignalAction.ENTER_LONG);
  }

  @Test
  void signalsEmittedWhileTheInstanceIsCreatedAreNotPassedOn() {
    StrategyFactory eager =
        new StrategyFactory() {
          @Override
          public com.sharewise.api.strategy.StrategyDescriptor descriptor() {
            return SMA.descriptor();
          }

          @Override
          public com.sharewise.api.strategy.StrategyInstance create(
              com.sharewise.api.strategy.StrategyContext context, Parameters parameters) {
            context.emit(
                bar(INFY, Timeframe.M5, 0, 10), SignalAction.ENTER_LONG, "from history", Map.of());
            return bar -> {};
          }
        };
    StrategyRunner runner = runner(eager, Map.of());
    runner.warmUp(bar(INFY, Timeframe.M5, 0, 10));

    assertThat(runner.start()).isTrue();
    assertThat(signals).isEmpty();
    assertThat(runner.stats().ignoredSignals()).isEqualTo(1);
  }

  @Test
  void barsNotLaterThanTheSeriesAreSkippedAndOtherSeriesIgnored() {
    StrategyRunner runner = runner(SMA, Map.of());
    runner.warmUp(bars(INFY, 0, 10, 11, 12));
    runner.start();

    assertThat(runner.onBar(bar(INFY, Timeframe.M5, 2, 12))).as("already in history").isFalse();
    assertThat(runner.onBar(bar(INFY, Timeframe.M1, 50, 12)))
        .as("not a timeframe it reads")
        .isFalse();
    assertThat(runner.onBar(bar(SBIN, Timeframe.M5, 3, 12)))
        .as("not an instrument it is bound to")
        .isFalse();
    assertThat(runner.onBar(bar(INFY, Timeframe.M5, 3, 13))).isTrue();
    assertThat(runner.series(INFY, Timeframe.M5).getBarCount()).isEqualTo(4);
    assertThat(runner.stats().skippedBars()).isEqualTo(3);
  }

  @Test
  void aStrategyThatThrowsIsPausedWithTheErrorAndNothingEscapes() {
    int[] stops = new int[1];
    StrategyFactory failing =
        TestStrategies.scripted(
            "failing",
            Set.of(),
            (context, bar) -> {
              if (bar.close() > 100) {
                throw new IllegalStateException("price out of my world");
              }
            },
            stops);
    StrategyRunner runner = runner(failing, Map.of());
    runner.start();

    runner.onBar(bar(INFY, Timeframe.M5, 0, 50));
    runner.onBar(bar(INFY, Timeframe.M5, 1, 150));
    boolean delivered = runner.onBar(bar(INFY, Timeframe.M5, 2, 50));

    assertThat(runner.state()).isEqualTo(State.PAUSED);
    assertThat(runner.failure().orElseThrow().message())
        .contains("onBar failed", "NSE:INFY 5m", "IllegalStateException: price out of my world");
    assertThat(runner.failure().orElseThrow().cause()).isInstanceOf(IllegalStateException.class);
    assertThat(delivered).as("no bars after the pause").isFalse();
    assertThat(stops[0]).as("onStop once").isEqualTo(1);
  }

  @Test
  void aStrategyThatCannotBeCreatedIsPaused() {
    StrategyFactory broken =
        new StrategyFactory() {
          @Override
          public com.sharewise.api.strategy.StrategyDescriptor descriptor() {
            return SMA.descriptor();
          }

          @Override
          public com.sharewise.api.strategy.StrategyInstance create(
              com.sharewise.api.strategy.StrategyContext context, Parameters parameters) {
            throw new IllegalArgumentException("daily bars are not supported");
          }
        };
    StrategyRunner runner = runner(broken, Map.of());

    assertThat(runner.start()).isFalse();
    assertThat(runner.state()).isEqualTo(State.PAUSED);
    assertThat(runner.failure().orElseThrow().message())
        .startsWith(
            "the strategy could not start: IllegalArgumentException: daily bars are not supported");
    assertThat(runner.onBar(bar(INFY, Timeframe.M5, 0, 10))).isFalse();
  }

  @Test
  void aStrategyOverItsTimeBudgetIsPaused() {
    StrategyFactory slow =
        TestStrategies.scripted(
            "slow",
            (context, bar) -> {
              if (bar.close() > 100) {
                try {
                  Thread.sleep(30);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    StrategyRunner runner = runner(slow, Map.of(), Duration.ofMillis(5));
    runner.start();

    runner.onBar(bar(INFY, Timeframe.M5, 0, 50));
    assertThat(runner.state()).isEqualTo(State.RUNNING);
    runner.onBar(bar(INFY, Timeframe.M5, 1, 150));

    assertThat(runner.state()).isEqualTo(State.PAUSED);
    assertThat(runner.failure().orElseThrow().message())
        .contains("onBar took", "over the budget of 5.0 ms");
  }

  @Test
  void aSignalForAnInstrumentTheInstanceIsNotBoundToPausesIt() {
    StrategyFactory rogue =
        TestStrategies.scripted(
            "rogue",
            (context, bar) ->
                context.emit(
                    bar(SBIN, Timeframe.M5, 0, 10), SignalAction.ENTER_LONG, "not mine", Map.of()));
    StrategyRunner runner = runner(rogue, Map.of());
    runner.start();

    runner.onBar(bar(INFY, Timeframe.M5, 0, 10));

    assertThat(signals).isEmpty();
    assertThat(runner.state()).isEqualTo(State.PAUSED);
    assertThat(runner.failure().orElseThrow().message()).contains("NSE:SBIN", "not bound");
  }

  @Test
  void extraTimeframesHaveTheirOwnSeries() {
    List<String> seen = new ArrayList<>();
    StrategyFactory multi =
        TestStrategies.scripted(
            "multi",
            Set.of(Timeframe.M15),
            (context, bar) ->
                seen.add(
                    bar.timeframe().label()
                        + "="
                        + context.series(bar.instrument(), bar.timeframe()).getBarCount()),
            new int[1]);
    StrategyRunner runner = runner(multi, Map.of());
    runner.start();

    runner.onBar(bar(INFY, Timeframe.M5, 0, 10));
    runner.onBar(bar(INFY, Timeframe.M5, 1, 10));
    runner.onBar(bar(INFY, Timeframe.M5, 2, 10));
    runner.onBar(bar(INFY, Timeframe.M15, 0, 10));

    assertThat(runner.timeframes()).containsExactlyInAnyOrder(Timeframe.M5, Timeframe.M15);
    assertThat(seen).containsExactly("5m=1", "5m=2", "5m=3", "15m=1");
  }

  @Test
  void aLongRunKeepsAtLeastTheMaximumBarCountOfRecentBars() {
    List<Double> closesSeen = new ArrayList<>();
    StrategyRunner runner =
        runner(
            TestStrategies.scripted(
                "window",
                (context, bar) -> {
                  org.ta4j.core.BarSeries series =
                      context.series(bar.instrument(), bar.timeframe());
                  closesSeen.add(series.getLastBar().getClosePrice().doubleValue());
                  assertThat(series.getBarCount()).isBetween(Math.min(100, closesSeen.size()), 200);
                }),
            Map.of());
    runner.start();

    for (int i = 0; i < 1000; i++) {
      runner.onBar(bar(INFY, Timeframe.M5, i, 100 + i));
    }

    assertThat(runner.state()).isEqualTo(State.RUNNING);
    assertThat(closesSeen).hasSize(1000).endsWith(1099.0);
    org.ta4j.core.BarSeries series = runner.series(INFY, Timeframe.M5);
    assertThat(series.getBarCount()).isBetween(100, 200);
    assertThat(series.getEndIndex()).isEqualTo(999);
  }

  @Test
  void stoppingCallsOnStopOnceAndEndsDelivery() {
    int[] stops = new int[1];
    StrategyRunner runner =
        runner(TestStrategies.scripted("quiet", Set.of(), (c, b) -> {}, stops), Map.of());
    runner.start();

    runner.stop();
    runner.stop();
    runner.pause("too late");

    assertThat(runner.state()).isEqualTo(State.STOPPED);
    assertThat(stops[0]).isEqualTo(1);
    assertThat(runner.onBar(bar(INFY, Timeframe.M5, 0, 10))).isFalse();
  }
}

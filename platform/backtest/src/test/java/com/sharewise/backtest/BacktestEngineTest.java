package com.sharewise.backtest;

import static com.sharewise.backtest.TestBars.INFY;
import static com.sharewise.backtest.TestBars.NIFTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.backtest.metrics.ClosedTrade;
import com.sharewise.broker.paper.internal.PaperBrokerFactory;
import com.sharewise.orders.Order;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestEngineTest {

  @TempDir Path work;

  @Test
  void buysOnTheCrossAboveAndSellsOnTheCrossBelowAtTheQuotePlusSlippageWithFees() {
    // SMA(1) against SMA(3): below while the price falls, above at 106, below again at 100
    List<Bar> bars = TestBars.closes(INFY, 104, 103, 102, 101, 100, 106, 107, 108, 100, 99);

    BacktestResult result =
        engine()
            .run(
                spec(Map.of("fast", "1", "slow", "3"), Map.of("slippageBps", "10")),
                BarSet.of(INFY, bars),
                BacktestObserver.NONE);

    // buy 10 at the ask 106.025 + 0.1% = 106.131, rounded up to the tick: 106.15. CNC charges on
    // 1,061.50: STT 1.06, NSE 0.03, SEBI 0.00, stamp duty 0.16, GST 0.01 = 1.26
    // sell 10 at the bid 99.975 - 0.1% = 99.875, rounded down: 99.85. On 998.50: STT 1.00,
    // NSE 0.03, GST 0.01 = 1.04
    assertThat(result.orders())
        .extracting(Order::side, Order::status, Order::filledQuantity, Order::averagePrice)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                OrderSide.BUY, OrderStatus.FILLED, 10L, new BigDecimal("106.15")),
            org.assertj.core.groups.Tuple.tuple(
                OrderSide.SELL, OrderStatus.FILLED, 10L, new BigDecimal("99.85")));
    assertThat(result.fills())
        .extracting(f -> f.fill().charges())
        .containsExactly(new BigDecimal("1.26"), new BigDecimal("1.04"));
    assertThat(result.trades()).hasSize(1);
    ClosedTrade trade = result.trades().get(0);
    assertThat(trade.side()).isEqualTo(OrderSide.BUY);
    assertThat(trade.entryTime()).isEqualTo(bars.get(5).endTime());
    assertThat(trade.exitTime()).isEqualTo(bars.get(8).endTime());
    assertThat(trade.entryPrice()).isCloseTo(106.15, within(1e-9));
    assertThat(trade.exitPrice()).isCloseTo(99.85, within(1e-9));
    assertThat(trade.charges()).isCloseTo(2.30, within(1e-9));
    assertThat(trade.pnl()).isCloseTo(-63.00 - 2.30, within(1e-9));

    // one equity point per bar: cash + 10 shares at each close while long
    assertThat(result.equity().size()).isEqualTo(10);
    assertThat(result.equity().equity(4)).isEqualTo(1_000_000.0);
    assertThat(result.equity().equity(5))
        .isCloseTo(1_000_000 - 1061.50 - 1.26 + 1060, within(1e-6));
    assertThat(result.equity().inMarket(6)).isTrue();
    assertThat(result.equity().equity(9)).isCloseTo(999_934.70, within(1e-6));
    assertThat(result.equity().inMarket(9)).isFalse();
    assertThat(result.report().numberOfTrades()).isEqualTo(1);
    assertThat(result.report().winRate()).isZero();
    assertThat(result.report().totalReturn()).isCloseTo(-65.30 / 1_000_000, within(1e-12));
    assertThat(result.report().exposure()).isCloseTo(3 / 10.0, within(1e-12));
    assertThat(result.stats().bars()).isEqualTo(10);
    assertThat(result.stats().signals()).isEqualTo(2);
  }

  @Test
  void theSameInputGivesTheSameOrdersTradesAndMetrics() {
    List<Bar> bars = TestBars.walk(INFY, 20_000, 11);
    BacktestSpec spec = spec(Map.of("fast", "10", "slow", "30"), Map.of("slippageBps", "5"));

    BacktestResult first = engine().run(spec, BarSet.of(INFY, bars), BacktestObserver.NONE);
    BacktestResult second = engine().run(spec, BarSet.of(INFY, bars), BacktestObserver.NONE);

    assertThat(first.trades()).hasSizeGreaterThan(50);
    assertThat(second.trades()).isEqualTo(first.trades());
    assertThat(second.orders()).isEqualTo(first.orders());
    assertThat(second.fills()).isEqualTo(first.fills());
    assertThat(second.equity().equities()).isEqualTo(first.equity().equities());
    assertThat(second.report())
        .usingRecursiveComparison()
        .withEqualsForType(Double::equals, Double.class)
        .isEqualTo(first.report());
  }

  @Test
  void measuresBetaAndAlphaAgainstABenchmarkInstrument() {
    List<Bar> bars = TestBars.walk(INFY, 3_000, 5);
    List<Bar> benchmark = TestBars.walk(NIFTY, 3_000, 6);
    BacktestSpec spec =
        new BacktestSpec(
            new SmaCrossoverStrategyFactory(),
            Map.of(),
            new Market(List.of(INFY), Timeframe.M1, Optional.of(NIFTY)),
            account(Map.of()),
            TestGates.fixedSize(100));

    BacktestResult result =
        engine()
            .run(
                spec,
                new BarSet(Map.of(INFY, bars), List.of(), List.of(), benchmark),
                BacktestObserver.NONE);

    assertThat(result.benchmark().size()).isEqualTo(result.equity().size());
    assertThat(result.benchmark().equity(0)).isEqualTo(benchmark.get(0).close());
    assertThat(result.report().beta()).isFinite();
    assertThat(result.report().alpha()).isFinite();
  }

  @Test
  void refusesAnUnknownParameterNamingIt() {
    assertThatThrownBy(() -> run(Map.of("speed", "3"), Map.of()))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("speed"))
        .hasMessageContaining("unknown parameter 'speed'")
        .hasMessageContaining("fast, slow");
  }

  @Test
  void refusesAValueOutOfRangeNamingTheParameter() {
    assertThatThrownBy(() -> run(Map.of("fast", "0"), Map.of()))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("fast"))
        .hasMessageContaining("fast");
    assertThatThrownBy(() -> run(Map.of("fast", "40", "slow", "30"), Map.of()))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("fast"))
        .hasMessageContaining("must be less than slow");
  }

  @Test
  void refusesABrokerSettingOutOfRangeNamingIt() {
    assertThatThrownBy(() -> run(Map.of(), Map.of("slippageBps", "900")))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class,
            e -> assertThat(e.field()).isEqualTo("brokerSettings.slippageBps"));
  }

  @Test
  void saysSoWhenThereAreNoBarsInsteadOfAnEmptySuccess() {
    assertThatThrownBy(
            () ->
                engine()
                    .run(
                        spec(Map.of(), Map.of()),
                        BarSet.of(INFY, List.of()),
                        BacktestObserver.NONE))
        .isInstanceOf(BacktestException.NoBars.class)
        .hasMessage("no 1m bars of NSE:INFY in the range");
  }

  @Test
  void stopsWhenCancelled() {
    List<Bar> bars = TestBars.walk(INFY, 5_000, 3);
    BacktestEngine engine =
        new BacktestEngine(
            environment(), new EngineSettings(2_000, java.time.Duration.ZERO, 0, 1, 1_000));
    assertThatThrownBy(
            () ->
                engine.run(
                    spec(Map.of(), Map.of()),
                    BarSet.of(INFY, bars),
                    new BacktestObserver() {
                      @Override
                      public boolean cancelled() {
                        return true;
                      }
                    }))
        .isInstanceOf(BacktestException.Cancelled.class)
        .hasMessage("cancelled after 1000 of 5000 bars");
  }

  private BacktestResult run(Map<String, String> parameters, Map<String, String> broker) {
    return engine()
        .run(
            spec(parameters, broker),
            BarSet.of(INFY, TestBars.walk(INFY, 100, 1)),
            BacktestObserver.NONE);
  }

  private BacktestEngine engine() {
    return new BacktestEngine(environment(), EngineSettings.DEFAULTS);
  }

  private BacktestEngine.Environment environment() {
    return new BacktestEngine.Environment(
        new PaperBrokerFactory(), id -> Optional.empty(), VolumeProfile.EQUAL, work);
  }

  static BacktestSpec spec(Map<String, String> parameters, Map<String, String> broker) {
    return new BacktestSpec(
        new SmaCrossoverStrategyFactory(),
        parameters,
        new Market(List.of(INFY), Timeframe.M1, Optional.empty()),
        account(broker),
        TestGates.fixedSize(10));
  }

  static PaperAccount account(Map<String, String> broker) {
    return new PaperAccount(1, 1, new BigDecimal("1000000"), broker);
  }

  static Instant at(int minute) {
    return TestBars.MONDAY_OPEN.plusSeconds(60L * minute);
  }
}

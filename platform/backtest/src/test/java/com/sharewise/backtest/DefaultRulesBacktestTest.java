package com.sharewise.backtest;

import static com.sharewise.backtest.TestBars.INFY;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.backtest.cli.ShippedRules;
import com.sharewise.broker.paper.internal.PaperBrokerFactory;
import com.sharewise.orders.Order;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.strategies.RoutedSignal;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full path with the rule packs the platform ships: Drools signal, risk and workflow rules. */
class DefaultRulesBacktestTest {

  @TempDir Path work;

  @Test
  void entriesAreLimitOrdersAtTheSignalPriceThatExpireAtTheCloseAndExitsCloseThePosition() {
    List<Bar> bars = TestBars.walk(INFY, 3 * 375, 21);
    BacktestEngine engine =
        new BacktestEngine(
            new BacktestEngine.Environment(
                new PaperBrokerFactory(), id -> Optional.empty(), VolumeProfile.EQUAL, work),
            EngineSettings.DEFAULTS);
    BacktestSpec spec =
        new BacktestSpec(
            new SmaCrossoverStrategyFactory(),
            Map.of("fast", "5", "slow", "20"),
            new Market(List.of(INFY), Timeframe.M1, Optional.empty()),
            new PaperAccount(7, 7, new BigDecimal("1000000"), Map.of()),
            ShippedRules.gates(Duration.ofSeconds(10)));

    BacktestResult result = engine.run(spec, BarSet.of(INFY, bars), BacktestObserver.NONE);

    List<Order> buys = result.orders().stream().filter(o -> o.side() == OrderSide.BUY).toList();
    assertThat(buys).isNotEmpty();
    // "size entries by value": ₹1,00,000 / price shares, a limit at the signal's price
    assertThat(buys)
        .allSatisfy(
            o -> {
              assertThat(o.type()).isEqualTo(OrderType.LIMIT);
              assertThat(o.quantity() * o.limitPrice().doubleValue())
                  .isBetween(98_000.0, 100_000.0);
            });
    // a limit that never became marketable does not outlive its session
    assertThat(result.orders())
        .noneMatch(o -> o.status().isWorking() && o.createdAt().isBefore(bars.get(750).openTime()));
    assertThat(result.orders().stream().filter(o -> o.status() == OrderStatus.CANCELLED))
        .allSatisfy(o -> assertThat(o.message()).contains("expired"));
    // "drop exits without a position"
    assertThat(result.signals())
        .anySatisfy(
            s -> {
              assertThat(s.outcome()).isEqualTo(RoutedSignal.Outcome.DROPPED);
              assertThat(s.reason()).contains("no position");
            });
    assertThat(result.trades()).isNotEmpty();
    assertThat(result.trades()).allSatisfy(t -> assertThat(t.side()).isEqualTo(OrderSide.BUY));

    BacktestResult again = engine.run(spec, BarSet.of(INFY, bars), BacktestObserver.NONE);
    assertThat(again.trades()).isEqualTo(result.trades());
    assertThat(again.orders()).isEqualTo(result.orders());
  }
}

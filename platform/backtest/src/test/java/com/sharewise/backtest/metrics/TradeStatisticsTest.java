package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeStatisticsTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");

  static ClosedTrade trade(double pnl, double charges) {
    return new ClosedTrade(
        INFY, OrderSide.BUY, T0, T0.plusSeconds(600), 1500, 1500 + pnl / 10, 10, pnl, charges);
  }

  @Test
  void winRateProfitFactorAndAveragesMatchTheHandComputation() {
    // pnl 100, -50, 200, -25, 0: 2 wins, 2 losses, 1 scratch.
    // win rate 2 / 5 = 0.4; gross profit 300, gross loss 75, profit factor 300 / 75 = 4
    // expectancy (300 - 75) / 5 = 45; average win 300 / 2 = 150; average loss -75 / 2 = -37.5
    // charges 5 × 20 = 100
    TradeStatistics stats =
        TradeStatistics.of(
            List.of(trade(100, 20), trade(-50, 20), trade(200, 20), trade(-25, 20), trade(0, 20)));

    assertThat(stats.numberOfTrades()).isEqualTo(5);
    assertThat(stats.wins()).isEqualTo(2);
    assertThat(stats.losses()).isEqualTo(2);
    assertThat(stats.winRate()).isEqualTo(0.4);
    assertThat(stats.grossProfit()).isEqualTo(300);
    assertThat(stats.grossLoss()).isEqualTo(75);
    assertThat(stats.netProfit()).isEqualTo(225);
    assertThat(stats.profitFactor()).isEqualTo(4);
    assertThat(stats.expectancy()).isEqualTo(45);
    assertThat(stats.averageWin()).isEqualTo(150);
    assertThat(stats.averageLoss()).isEqualTo(-37.5);
    assertThat(stats.winLossRatio()).isEqualTo(4);
    assertThat(stats.totalCharges()).isEqualTo(100);
  }

  @Test
  void withoutLossesTheProfitFactorIsInfinite() {
    TradeStatistics stats = TradeStatistics.of(List.of(trade(10, 1), trade(30, 1)));

    assertThat(stats.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(stats.averageLoss()).isNaN();
    assertThat(stats.winRate()).isEqualTo(1);
  }

  @Test
  void withOnlyLossesTheProfitFactorIsZero() {
    TradeStatistics stats = TradeStatistics.of(List.of(trade(-10, 1), trade(-30, 1)));

    assertThat(stats.profitFactor()).isZero();
    assertThat(stats.winRate()).isZero();
    assertThat(stats.averageWin()).isNaN();
    assertThat(stats.averageLoss()).isEqualTo(-20);
  }

  @Test
  void zeroTradesGiveNaNRatiosNotZeroes() {
    TradeStatistics stats = TradeStatistics.of(List.of());

    assertThat(stats.numberOfTrades()).isZero();
    assertThat(stats.winRate()).isNaN();
    assertThat(stats.profitFactor()).isNaN();
    assertThat(stats.expectancy()).isNaN();
    assertThat(stats.averageWin()).isNaN();
    assertThat(stats.averageLoss()).isNaN();
    assertThat(stats.netProfit()).isZero();
  }

  @Test
  void aTradeKnowsItsHoldingTime() {
    assertThat(trade(1, 0).holding()).isEqualTo(Duration.ofMinutes(10));
    assertThat(trade(1.5, 0).exitPrice()).isCloseTo(1500.15, within(1e-9));
  }

  @Test
  void aTradeCannotExitBeforeItEntersOrHaveNoQuantity() {
    assertThatThrownBy(
            () -> new ClosedTrade(INFY, OrderSide.SELL, T0, T0.minusSeconds(1), 100, 99, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NSE:INFY trade exits at");
    assertThatThrownBy(() -> new ClosedTrade(INFY, OrderSide.SELL, T0, T0, 100, 99, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity must be positive, got 0");
  }
}

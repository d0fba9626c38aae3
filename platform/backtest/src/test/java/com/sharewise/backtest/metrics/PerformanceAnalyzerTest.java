package com.sharewise.backtest.metrics;

import static com.sharewise.backtest.metrics.TradeStatisticsTest.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceAnalyzerTest {

  private static final Instant T0 = Instant.parse("2023-01-02T10:00:00Z");
  private static final PerformanceAnalyzer DAILY = new PerformanceAnalyzer(Annualisation.daily());

  /**
   * 100 -> 110 -> 99 -> 115 -> 121 on days 0, 1, 2, 3 and 730.5 (two 365.25-day years); in the
   * market at points 1, 2 and 4.
   */
  private static EquityCurve twoYears() {
    return EquityCurve.builder()
        .append(T0, 100, false)
        .append(T0.plus(Duration.ofDays(1)), 110, true)
        .append(T0.plus(Duration.ofDays(2)), 99, true)
        .append(T0.plus(Duration.ofDays(3)), 115, false)
        .append(T0.plus(Duration.ofHours(730 * 24 + 12)), 121, true)
        .build();
  }

  @Test
  void aSmallBacktestReportsTheHandComputedFigures() {
    // total return 121 / 100 - 1 = 0.21; CAGR over 2 years = sqrt(1.21) - 1 = 0.1
    // returns 0.1, -0.1, 115/99 - 1 = 0.161616.., 121/115 - 1 = 0.052174..
    // exposure 3 of 5 points = 0.6
    // deepest drawdown 1 - 99/110 = 0.1 from day 1, recovered on day 3 (115 >= 110): 2 days
    // VaR/CVaR with m = 4: tail k = 1, the worst return -0.1, at 95 % and 99 % alike
    // trades +15 and -4: win rate 0.5, profit factor 3.75, expectancy 5.5
    PerformanceReport report = DAILY.analyse(twoYears(), List.of(trade(15, 2), trade(-4, 2)));

    assertThat(report.start()).isEqualTo(T0);
    assertThat(report.initialEquity()).isEqualTo(100);
    assertThat(report.finalEquity()).isEqualTo(121);
    assertThat(report.periods()).isEqualTo(4);
    assertThat(report.totalReturn()).isCloseTo(0.21, within(1e-12));
    assertThat(report.cagr()).isCloseTo(0.1, within(1e-12));
    assertThat(report.exposure()).isEqualTo(0.6);
    assertThat(report.maxDrawdown()).isCloseTo(0.1, within(1e-12));
    assertThat(report.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
    assertThat(report.maxDrawdownRecovered()).isTrue();
    assertThat(report.drawdowns().size()).isEqualTo(5);
    assertThat(report.valueAtRisk95()).isCloseTo(0.1, within(1e-12));
    assertThat(report.expectedShortfall95()).isCloseTo(0.1, within(1e-12));
    assertThat(report.valueAtRisk99()).isCloseTo(0.1, within(1e-12));
    assertThat(report.numberOfTrades()).isEqualTo(2);
    assertThat(report.winRate()).isEqualTo(0.5);
    assertThat(report.profitFactor()).isEqualTo(3.75);
    assertThat(report.expectancy()).isEqualTo(5.5);
    assertThat(report.averageWin()).isEqualTo(15);
    assertThat(report.averageLoss()).isEqualTo(-4);
    assertThat(report.netProfit()).isEqualTo(11);
    assertThat(report.totalCharges()).isEqualTo(4);
    assertThat(report.beta()).as("no benchmark").isNaN();
  }

  @Test
  void theRiskAdjustedFiguresAreThoseOfTheCurvesReturns() {
    EquityCurve curve = SeededReturns.curve(SeededReturns.of(21, 2_000));
    Annualisation minute = Annualisation.nseOneMinute().withRiskFreeRate(0.07);
    double[] returns = curve.returns();

    PerformanceReport report = new PerformanceAnalyzer(minute).analyse(curve, List.of());

    assertThat(report.sharpeRatio()).isEqualTo(ReturnStatistics.sharpeRatio(returns, minute));
    assertThat(report.sortinoRatio()).isEqualTo(ReturnStatistics.sortinoRatio(returns, minute));
    assertThat(report.annualisedVolatility())
        .isEqualTo(ReturnStatistics.annualisedVolatility(returns, minute));
    assertThat(report.valueAtRisk99()).isEqualTo(TailRisk.historical(returns, 0.99).valueAtRisk());
    assertThat(report.expectedShortfall95())
        .isEqualTo(TailRisk.historical(returns, 0.95).expectedShortfall());
  }

  @Test
  void aBenchmarkOnTheSameTimestampsGivesBetaAndAlpha() {
    EquityCurve curve = SeededReturns.curve(SeededReturns.of(31, 1_000));
    EquityCurve benchmark = SeededReturns.curve(SeededReturns.of(32, 1_000));

    PerformanceReport report = DAILY.analyse(curve, List.of(), benchmark);

    BenchmarkComparison expected =
        BenchmarkComparison.of(curve.returns(), benchmark.returns(), Annualisation.daily());
    assertThat(report.beta()).isEqualTo(expected.beta());
    assertThat(report.alpha()).isEqualTo(expected.alpha());
    assertThat(report.beta()).isFinite();
  }

  @Test
  void aMisalignedBenchmarkIsRejectedNamingTheSizes() {
    EquityCurve benchmark =
        EquityCurve.builder()
            .append(T0, 17_000)
            .append(T0.plus(Duration.ofDays(1)), 17_100)
            .build();

    assertThatThrownBy(() -> DAILY.analyse(twoYears(), List.of(), benchmark))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("benchmark has 2 points but the equity curve has 5");
  }

  @Test
  void anEmptyCurveCannotBeReported() {
    assertThatThrownBy(() -> DAILY.analyse(EquityCurve.builder().build(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity curve is empty");
  }

  @Test
  void aSinglePointHasNoReturnsAndSoNoRiskFigures() {
    PerformanceReport report =
        DAILY.analyse(EquityCurve.builder().append(T0, 100_000, true).build(), List.of());

    assertThat(report.periods()).isZero();
    assertThat(report.totalReturn()).isZero();
    assertThat(report.cagr()).isNaN();
    assertThat(report.annualisedVolatility()).isNaN();
    assertThat(report.sharpeRatio()).isNaN();
    assertThat(report.sortinoRatio()).isNaN();
    assertThat(report.valueAtRisk95()).isNaN();
    assertThat(report.expectedShortfall99()).isNaN();
    assertThat(report.maxDrawdown()).isZero();
    assertThat(report.exposure()).isEqualTo(1);
  }

  @Test
  void aConstantCurveHasZeroRiskAndUndefinedSharpe() {
    EquityCurve.Builder builder = EquityCurve.builder();
    for (int i = 0; i < 10; i++) {
      builder.append(T0.plus(Duration.ofDays(i)), 100_000, false);
    }

    PerformanceReport report = DAILY.analyse(builder.build(), List.of());

    assertThat(report.totalReturn()).isZero();
    assertThat(report.cagr()).isZero();
    assertThat(report.annualisedVolatility()).isZero();
    assertThat(report.sharpeRatio()).isNaN();
    assertThat(report.sortinoRatio()).isNaN();
    assertThat(report.maxDrawdown()).isZero();
    assertThat(report.valueAtRisk95()).isZero();
    assertThat(report.exposure()).isZero();
    assertThat(report.numberOfTrades()).isZero();
    assertThat(report.winRate()).isNaN();
    assertThat(report.profitFactor()).isNaN();
  }
}

package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReturnStatisticsTest {

  private static final double[] SMALL = {0.01, -0.02, 0.03, 0.00};

  @Test
  void volatilityAndSharpeOfASmallSeriesMatchTheHandComputation() {
    // mean = (0.01 - 0.02 + 0.03 + 0) / 4 = 0.005
    // deviations 0.005, -0.025, 0.025, -0.005; squares 2.5e-5 + 6.25e-4 + 6.25e-4 + 2.5e-5 = 1.3e-3
    // sample sd = sqrt(1.3e-3 / 3) = 0.0208166599946613
    // volatility = sd × sqrt(252) = 0.330454232837166
    // Sharpe (rf 0) = 0.005 / 0.0208166599946613 × sqrt(252) = 3.81293345581345
    Annualisation daily = Annualisation.daily();

    assertThat(ReturnStatistics.mean(SMALL)).isCloseTo(0.005, within(1e-15));
    assertThat(ReturnStatistics.standardDeviation(SMALL))
        .isCloseTo(0.0208166599946613, within(1e-15));
    assertThat(ReturnStatistics.annualisedVolatility(SMALL, daily))
        .isCloseTo(0.330454232837166, within(1e-14));
    assertThat(ReturnStatistics.sharpeRatio(SMALL, daily))
        .isCloseTo(3.81293345581345, within(1e-12));
  }

  @Test
  void sortinoOfASmallSeriesMatchesTheHandComputation() {
    // Shortfalls below 0: 0, -0.02, 0, 0; downside deviation = sqrt(0.02² / 4) = 0.01
    // Sortino = 0.005 / 0.01 × sqrt(252) = 7.93725393319377
    Annualisation daily = Annualisation.daily();

    assertThat(ReturnStatistics.downsideDeviation(SMALL, daily)).isCloseTo(0.01, within(1e-15));
    assertThat(ReturnStatistics.sortinoRatio(SMALL, daily))
        .isCloseTo(7.93725393319377, within(1e-12));
  }

  @Test
  void aConstantCurveHasZeroVolatilityAndUndefinedRiskAdjustedReturns() {
    double[] flat = new double[10];

    assertThat(ReturnStatistics.annualisedVolatility(flat, Annualisation.daily())).isZero();
    assertThat(ReturnStatistics.sharpeRatio(flat, Annualisation.daily())).isNaN();
    assertThat(ReturnStatistics.sortinoRatio(flat, Annualisation.daily())).isNaN();
  }

  @Test
  void tooFewReturnsGiveNaNRatherThanAnError() {
    assertThat(ReturnStatistics.mean(new double[0])).isNaN();
    assertThat(ReturnStatistics.standardDeviation(new double[] {0.01})).isNaN();
    assertThat(ReturnStatistics.sharpeRatio(new double[] {0.01}, Annualisation.daily())).isNaN();
    assertThat(ReturnStatistics.sortinoRatio(new double[0], Annualisation.daily())).isNaN();
  }

  @Test
  void sortinoIsInfiniteWhenNothingFallsBelowTheTarget() {
    double[] onlyGains = {0.01, 0.02, 0.0};

    assertThat(ReturnStatistics.sortinoRatio(onlyGains, Annualisation.daily()))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void theRiskFreeRateIsDeannualisedGeometrically() {
    // (1.065)^(1/252) - 1: compounding it 252 times gives 6.5 % back.
    Annualisation withRate = Annualisation.daily().withRiskFreeRate(0.065);

    assertThat(withRate.riskFreePerPeriod())
        .isCloseTo(Math.pow(1.065, 1.0 / 252) - 1, within(1e-15));
    assertThat(Math.pow(1 + withRate.riskFreePerPeriod(), 252) - 1).isCloseTo(0.065, within(1e-12));
    assertThat(Annualisation.nseOneMinute().periodsPerYear()).isEqualTo(94_500);
  }

  @Test
  void sharpeSortinoAndVolatilityMatchANaiveComputationOnMinuteReturns() {
    double[] returns = SeededReturns.of(42, 20_000);
    Annualisation minute = Annualisation.nseOneMinute().withRiskFreeRate(0.065);
    double periods = 375.0 * 252;
    double rf = Math.pow(1.065, 1 / periods) - 1;

    double[] excess = Arrays.stream(returns).map(r -> r - rf).toArray();
    double meanExcess = Arrays.stream(excess).average().orElseThrow();
    double variance =
        Arrays.stream(excess).map(e -> (e - meanExcess) * (e - meanExcess)).sum()
            / (excess.length - 1);
    double naiveSharpe = meanExcess / Math.sqrt(variance) * Math.sqrt(periods);
    double naiveDownside =
        Math.sqrt(Arrays.stream(excess).filter(e -> e < 0).map(e -> e * e).sum() / excess.length);
    double naiveSortino = meanExcess / naiveDownside * Math.sqrt(periods);
    double naiveVolatility = Math.sqrt(variance * periods);

    assertThat(ReturnStatistics.sharpeRatio(returns, minute))
        .isCloseTo(naiveSharpe, within(1e-9 * Math.abs(naiveSharpe)));
    assertThat(ReturnStatistics.sortinoRatio(returns, minute))
        .isCloseTo(naiveSortino, within(1e-9 * Math.abs(naiveSortino)));
    assertThat(ReturnStatistics.annualisedVolatility(returns, minute))
        .isCloseTo(naiveVolatility, within(1e-9 * naiveVolatility));
  }

  @Test
  void cagrUsesCalendarYearsOf365AndAQuarterDays() {
    // 100 -> 121 over 730.5 days = 2 years: 1.21^(1/2) - 1 = 10 % a year.
    long twoYears = (long) (730.5 * 24 * 60 * 60 * 1000);

    assertThat(ReturnStatistics.compoundAnnualGrowthRate(100, 121, twoYears))
        .isCloseTo(0.1, within(1e-12));
    assertThat(ReturnStatistics.compoundAnnualGrowthRate(100, 121, 0)).isNaN();
    assertThatThrownBy(() -> ReturnStatistics.compoundAnnualGrowthRate(100, 121, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 ms");
  }

  @Test
  void annualisationRejectsNonsense() {
    assertThatThrownBy(() -> Annualisation.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periods per year");
    assertThatThrownBy(() -> Annualisation.daily().withRiskFreeRate(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("risk-free rate");
  }
}

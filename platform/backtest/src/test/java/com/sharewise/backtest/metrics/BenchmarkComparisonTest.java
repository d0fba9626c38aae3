package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenchmarkComparisonTest {

  @Test
  void aStrategyThatIsTwiceTheBenchmarkPlusAnEdgeHasBetaTwoAndThatEdgeAsAlpha() {
    // r = 2b + 0.001: cov(r, b) = 2 var(b), so beta = 2.
    // Per-period alpha (rf 0) = mean(r) - 2 mean(b) = 0.001; × 252 = 0.252 a year.
    double[] b = {0.01, -0.01, 0.02, 0.00};
    double[] r = Arrays.stream(b).map(x -> 2 * x + 0.001).toArray();

    BenchmarkComparison comparison = BenchmarkComparison.of(r, b, Annualisation.daily());

    assertThat(comparison.beta()).isCloseTo(2, within(1e-12));
    assertThat(comparison.alpha()).isCloseTo(0.252, within(1e-12));
    assertThat(comparison.correlation()).isCloseTo(1, within(1e-12));
  }

  @Test
  void betaAndAlphaMatchANaiveRegressionOnSeededReturns() {
    double[] benchmark = SeededReturns.of(11, 5_000);
    SplittableRandom random = new SplittableRandom(12);
    double[] strategy =
        Arrays.stream(benchmark)
            .map(x -> 0.7 * x + 0.0002 + random.nextGaussian() * 0.001)
            .toArray();
    Annualisation daily = Annualisation.daily().withRiskFreeRate(0.065);
    double rf = Math.pow(1.065, 1.0 / 252) - 1;

    // Naive least squares of the excess returns: slope = Sxy / Sxx, intercept = ȳ - slope x̄.
    int m = benchmark.length;
    double sumX = 0;
    double sumY = 0;
    for (int i = 0; i < m; i++) {
      sumX += benchmark[i] - rf;
      sumY += strategy[i] - rf;
    }
    double meanX = sumX / m;
    double meanY = sumY / m;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < m; i++) {
      double dx = benchmark[i] - rf - meanX;
      double dy = strategy[i] - rf - meanY;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    double naiveBeta = sxy / sxx;
    double naiveAlpha = (meanY - naiveBeta * meanX) * 252;

    BenchmarkComparison comparison = BenchmarkComparison.of(strategy, benchmark, daily);

    assertThat(comparison.beta()).isCloseTo(naiveBeta, within(1e-9));
    assertThat(comparison.alpha()).isCloseTo(naiveAlpha, within(1e-9));
    assertThat(comparison.correlation()).isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-9));
  }

  @Test
  void aConstantBenchmarkHasNoBeta() {
    BenchmarkComparison comparison =
        BenchmarkComparison.of(
            new double[] {0.01, 0.02, -0.01}, new double[3], Annualisation.daily());

    assertThat(comparison.beta()).isNaN();
    assertThat(comparison.alpha()).isNaN();
  }

  @Test
  void returnSeriesOfDifferentLengthsAreRejectedNamingBoth() {
    assertThatThrownBy(
            () -> BenchmarkComparison.of(new double[5], new double[4], Annualisation.daily()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strategy returns has 5 values but benchmark returns has 4");
  }
}

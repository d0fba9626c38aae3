package com.sharewise.backtest.metrics;

import java.util.SplittableRandom;

/** Reproducible return series for comparing the metrics with naive reference computations. */
final class SeededReturns {

  private SeededReturns() {}

  /**
   * {@code count} returns with a small positive drift and fat-ish tails: normal noise plus the
   * occasional jump, like minute bars.
   */
  static double[] of(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] returns = new double[count];
    for (int i = 0; i < count; i++) {
      double noise = random.nextGaussian() * 0.002 + 0.0001;
      double jump = random.nextDouble() < 0.01 ? (random.nextDouble() - 0.6) * 0.03 : 0;
      returns[i] = noise + jump;
    }
    return returns;
  }

  /** A curve that starts at 1,00,000 rupees, one point a minute, with the given returns. */
  static EquityCurve curve(double[] returns) {
    EquityCurve.Builder builder = EquityCurve.builder(returns.length + 1);
    long time = 1_735_000_000_000L;
    double equity = 100_000;
    builder.append(time, equity, false);
    for (double r : returns) {
      time += 60_000;
      equity *= 1 + r;
      builder.append(time, equity, true);
    }
    return builder.build();
  }
}

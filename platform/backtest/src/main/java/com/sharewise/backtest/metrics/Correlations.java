package com.sharewise.backtest.metrics;

import java.util.List;

/**
 * Pearson correlation of return series, pairwise or as a matrix for several strategies.
 *
 * <p>{@code ρ(x, y) = Σ (x - x̄)(y - ȳ) / sqrt(Σ (x - x̄)² × Σ (y - ȳ)²)}. It is {@code NaN} for
 * fewer than two values or when either series does not vary; otherwise it lies in [-1, 1].
 * Stateless.
 */
public final class Correlations {

  private Correlations() {}

  /**
   * Pearson correlation of two equally long series.
   *
   * @throws IllegalArgumentException naming both sizes if they differ
   */
  public static double pearson(double[] x, double[] y) {
    requireSameLength(x, "first series", y, "second series");
    int m = x.length;
    if (m < 2) {
      return Double.NaN;
    }
    double meanX = ReturnStatistics.mean(x);
    double meanY = ReturnStatistics.mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < m; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    // Rounding can push a perfect correlation a hair past ±1.
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /**
   * The correlation matrix of the periodic returns of {@code curves}: entry {@code [i][j]} is
   * {@code pearson(curves[i].returns(), curves[j].returns())}. It is symmetric; the diagonal is 1,
   * or {@code NaN} for a curve whose returns do not vary.
   *
   * @throws IllegalArgumentException if the curves are not aligned on the same timestamps, naming
   *     the curve and the sizes or time that differ
   */
  public static double[][] matrix(List<EquityCurve> curves) {
    for (int i = 1; i < curves.size(); i++) {
      curves.get(0).requireAlignedWith(curves.get(i), "strategy " + i);
    }
    return matrixOfReturns(curves.stream().map(EquityCurve::returns).toList());
  }

  /**
   * The correlation matrix of already computed, period-aligned return series.
   *
   * @throws IllegalArgumentException naming the series and sizes if they differ in length
   */
  public static double[][] matrixOfReturns(List<double[]> returns) {
    int n = returns.size();
    double[][] matrix = new double[n][n];
    for (int i = 0; i < n; i++) {
      requireSameLength(returns.get(0), "series 0", returns.get(i), "series " + i);
      for (int j = 0; j < i; j++) {
        matrix[i][j] = pearson(returns.get(i), returns.get(j));
        matrix[j][i] = matrix[i][j];
      }
      // A series correlates perfectly with itself, unless it does not vary at all.
      matrix[i][i] = ReturnStatistics.standardDeviation(returns.get(i)) > 0 ? 1 : Double.NaN;
    }
    return matrix;
  }

  static void requireSameLength(
      double[] first, String firstName, double[] other, String otherName) {
    if (first.length != other.length) {
      throw new IllegalArgumentException(
          firstName
              + " has "
              + first.length
              + " values but "
              + otherName
              + " has "
              + other.length
              + "; the series must cover the same periods");
    }
  }
}

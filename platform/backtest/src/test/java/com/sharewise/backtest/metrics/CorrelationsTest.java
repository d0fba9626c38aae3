package com.sharewise.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

  @Test
  void pearsonOfASmallSeriesMatchesTheHandComputation() {
    // x̄ = 2, ȳ = 13/3; dx = -1, 0, 1; dy = -7/3, -1/3, 8/3
    // Sxy = 7/3 + 8/3 = 5; Sxx = 2; Syy = (49 + 1 + 64) / 9 = 114/9
    // ρ = 5 / sqrt(2 × 114/9) = 0.993399267798783
    assertThat(Correlations.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 7}))
        .isCloseTo(0.993399267798783, within(1e-15));
  }

  @Test
  void mirroredSeriesCorrelateMinusOneAndFlatOnesNotAtAll() {
    assertThat(Correlations.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isEqualTo(-1);
    assertThat(Correlations.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
  }

  @Test
  void theMatrixOfSeveralStrategiesIsSymmetricWithPairwiseCorrelations() {
    double[] a = SeededReturns.of(1, 3_000);
    double[] b = SeededReturns.of(2, 3_000);
    double[] c = new double[3_000];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.5 * a[i] - 0.5 * b[i];
    }
    List<double[]> series = List.of(a, b, c);

    double[][] matrix = Correlations.matrixOfReturns(series);

    for (int i = 0; i < 3; i++) {
      assertThat(matrix[i][i]).isEqualTo(1);
      for (int j = 0; j < 3; j++) {
        assertThat(matrix[i][j])
            .as("[%d][%d]", i, j)
            .isCloseTo(naivePearson(series.get(i), series.get(j)), within(1e-9));
        assertThat(matrix[i][j]).isEqualTo(matrix[j][i]);
      }
    }
    assertThat(matrix[0][2]).as("c rises with a").isPositive();
    assertThat(matrix[1][2]).as("c falls with b").isNegative();
  }

  @Test
  void theMatrixOfCurvesUsesTheirReturnsAndRequiresTheSameTimestamps() {
    EquityCurve a = SeededReturns.curve(SeededReturns.of(3, 500));
    EquityCurve b = SeededReturns.curve(SeededReturns.of(4, 500));
    EquityCurve shorter = SeededReturns.curve(SeededReturns.of(5, 499));

    double[][] matrix = Correlations.matrix(List.of(a, b));

    assertThat(matrix[0][1]).isCloseTo(naivePearson(a.returns(), b.returns()), within(1e-9));
    assertThatThrownBy(() -> Correlations.matrix(List.of(a, b, shorter)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strategy 2 has 500 points but the equity curve has 501");
  }

  @Test
  void aFlatStrategyHasNoCorrelationEvenWithItself() {
    double[][] matrix =
        Correlations.matrixOfReturns(List.of(new double[] {0.01, -0.02, 0.0}, new double[3]));

    assertThat(matrix[1][1]).isNaN();
    assertThat(matrix[0][1]).isNaN();
    assertThat(matrix[0][0]).isEqualTo(1);
  }

  /** Textbook formula with sums: (mΣxy − ΣxΣy) / sqrt((mΣx² − (Σx)²)(mΣy² − (Σy)²)). */
  private static double naivePearson(double[] x, double[] y) {
    int m = x.length;
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < m; i++) {
      sx += x[i];
      sy += y[i];
      sxy += x[i] * y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
    }
    return (m * sxy - sx * sy) / Math.sqrt((m * sxx - sx * sx) * (m * syy - sy * sy));
  }
}

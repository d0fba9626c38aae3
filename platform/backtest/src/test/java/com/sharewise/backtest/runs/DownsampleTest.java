package com.sharewise.backtest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.backtest.metrics.EquityCurve;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsampleTest {

  @Test
  void keepsEveryPointOfAShortCurve() {
    EquityCurve curve = curve(100);

    assertThat(BacktestStore.downsample(curve, 5_000)).hasSize(100).startsWith(0).endsWith(99);
  }

  @Test
  void thinsALongCurveButKeepsItsEndsAndItsDeepestTrough() {
    EquityCurve.Builder b = EquityCurve.builder(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      double equity = 1_000_000 + 1_000 * Math.sin(i / 5_000.0) - (i == 654_321 ? 50_000 : 0);
      b.append(i * 60_000L + 1, equity, false);
    }
    EquityCurve curve = b.build();

    int[] kept = BacktestStore.downsample(curve, 5_000);

    assertThat(kept.length).isLessThanOrEqualTo(5_000).isGreaterThan(4_000);
    assertThat(kept[0]).isZero();
    assertThat(kept[kept.length - 1]).isEqualTo(999_999);
    assertThat(kept).contains(654_321);
    int[] sorted = kept.clone();
    Arrays.sort(sorted);
    assertThat(kept).as("in time order").isEqualTo(sorted);
  }

  private static EquityCurve curve(int n) {
    EquityCurve.Builder b = EquityCurve.builder(n);
    for (int i = 0; i < n; i++) {
      b.append(i + 1, 100 + i, false);
    }
    return b.build();
  }
}

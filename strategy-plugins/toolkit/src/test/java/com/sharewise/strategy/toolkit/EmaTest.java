package com.sharewise.strategy.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmaTest {

  @Test
  void isNanUntilThePeriodIsFullThenSeedsWithTheSimpleAverage() {
    Ema ema = new Ema(3);

    assertThat(ema.add(1)).isNaN();
    assertThat(ema.add(2)).isNaN();
    assertThat(ema.add(3)).isEqualTo(2.0);
    // then previous + 2/(3+1) × (value − previous)
    assertThat(ema.add(4)).isEqualTo(3.0);
    assertThat(ema.add(0)).isEqualTo(1.5);
    assertThat(ema.value()).isEqualTo(1.5);
  }

  @Test
  void matchesTheTextbookTenDayExample() {
    // StockCharts' worked 10-day EMA example (first value the 10-day SMA 22.22)
    double[] closes = {
      22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38
    };
    Ema ema = new Ema(10);
    double last = Double.NaN;
    for (double close : closes) {
      last = ema.add(close);
    }
    // 22.22 → 22.21 → 22.24 → 22.27, as the worked example rounds them
    assertThat(last).isCloseTo(22.27, within(0.005));
  }

  @Test
  void refusesAPeriodBelowOne() {
    assertThatThrownBy(() -> new Ema(0)).hasMessage("period must be at least 1, got 0");
  }
}

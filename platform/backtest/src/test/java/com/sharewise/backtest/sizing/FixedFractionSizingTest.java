package com.sharewise.backtest.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedFractionSizingTest {

  @Test
  void aFractionOfEquityBuysTheSharesItPaysFor() {
    // 0.1 × 1,00,000 / 100 = 100 shares
    assertThat(new FixedFractionSizing(0.1).quantity(100_000, 100, 1)).isEqualTo(100);
    // 0.29 × 1,00,000 / 100 = 290 shares; in doubles it is 289.99999999999994, which must not
    // floor to 289.
    assertThat(new FixedFractionSizing(0.29).quantity(100_000, 100, 1)).isEqualTo(290);
  }

  @Test
  void quantitiesRoundDownToWholeLots() {
    // 0.1 × 1,00,000 / 333 = 30.03 shares = 1.2 lots of 25 -> 1 lot
    assertThat(new FixedFractionSizing(0.1).quantity(100_000, 333, 25)).isEqualTo(25);
    // 0.1 × 1,00,000 / 500 = 20 shares, less than one lot of 25
    assertThat(new FixedFractionSizing(0.1).quantity(100_000, 500, 25)).isZero();
  }

  @Test
  void nonsenseInputsAreRejectedByName() {
    assertThatThrownBy(() -> new FixedFractionSizing(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fraction must lie in (0, 1], got 1.5");
    assertThatThrownBy(() -> new FixedFractionSizing(0.1).quantity(100_000, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("price");
    assertThatThrownBy(() -> new FixedFractionSizing(0.1).quantity(100_000, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lot size");
  }
}

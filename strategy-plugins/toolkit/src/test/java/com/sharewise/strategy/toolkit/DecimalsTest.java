package com.sharewise.strategy.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

  @Test
  void formatsPlainDigitsRoundedHalfUpWithoutTrailingZeros() {
    assertThat(Decimals.format(1e-7, 8)).isEqualTo("0.0000001");
    assertThat(Decimals.format(12_345_678.9, 2)).isEqualTo("12345678.9");
    assertThat(Decimals.format(2.345, 2)).isEqualTo("2.35");
    assertThat(Decimals.format(100.0, 4)).isEqualTo("100");
  }

  @Test
  void fixedKeepsExactlyTheScaleAsPricesAreShown() {
    assertThat(Decimals.fixed(1520.5, 2)).isEqualTo("1520.50");
    assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
  }
}

package com.sharewise.backtest.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AtrRiskSizingTest {

  private final AtrRiskSizing onePercentTwoAtr = AtrRiskSizing.of(0.01, 2);

  @Test
  void theStopLossesTheRiskFractionOfEquity() {
    // risk 1 % of 10,00,000 = 10,000 rupees; stop 2 × ATR 5 = 10 rupees a share -> 1,000 shares
    // (position 1,000 × 500 = 5,00,000, within equity)
    assertThat(onePercentTwoAtr.stopDistance(5)).isEqualTo(10);
    assertThat(onePercentTwoAtr.quantity(1_000_000, 5, 500, 1)).isEqualTo(1_000);
    // in lots of 75: 1,000 / 75 = 13.3 lots -> 13 lots = 975 shares
    assertThat(onePercentTwoAtr.quantity(1_000_000, 5, 500, 75)).isEqualTo(975);
  }

  @Test
  void aQuietMarketCannotSizeBeyondWhatEquityBuys() {
    // ATR 0.5: 10,000 / 1 = 10,000 shares by risk, but 10,00,000 / 500 = 2,000 by equity.
    assertThat(onePercentTwoAtr.quantity(1_000_000, 0.5, 500, 1)).isEqualTo(2_000);
    // With 5× intraday leverage allowed: min(10,000, 10,000) = 10,000.
    assertThat(new AtrRiskSizing(0.01, 2, 5).quantity(1_000_000, 0.5, 500, 1)).isEqualTo(10_000);
  }

  @Test
  void aZeroAtrIsRejected() {
    assertThatThrownBy(() -> onePercentTwoAtr.quantity(1_000_000, 0, 500, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ATR must be positive");
  }
}

package com.sharewise.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarAndInstrumentTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final Instant OPEN = Instant.parse("2025-01-06T03:45:00Z");

  @Test
  void aBarEndsOneTimeframeAfterItOpens() {
    Bar bar = new Bar(INFY, Timeframe.M5, OPEN, 100, 101, 99, 100.5, 1200);
    assertThat(bar.endTime()).isEqualTo(Instant.parse("2025-01-06T03:50:00Z"));
  }

  @Test
  void inconsistentOhlcIsRefusedNamingTheBar() {
    assertThatThrownBy(() -> new Bar(INFY, Timeframe.M1, OPEN, 100, 99, 101, 100, 10))
        .hasMessageContaining("NSE:INFY")
        .hasMessageContaining("OHLC inconsistent");
    assertThatThrownBy(() -> new Bar(INFY, Timeframe.M1, OPEN, 100, 101, 99, 102, 10))
        .hasMessageContaining("OHLC inconsistent");
    assertThatThrownBy(() -> new Bar(INFY, Timeframe.M1, OPEN, 100, 101, 99, 100, -1))
        .hasMessageContaining("negative volume");
  }

  @Test
  void instrumentChecksTheTickGridAndLotSize() {
    Instrument nifty =
        new Instrument(
            InstrumentId.parse("NFO:NIFTY25JANFUT"),
            "35001",
            "NIFTY JAN FUT",
            Segment.FUTURES,
            new BigDecimal("0.05"),
            75,
            null);

    assertThat(nifty.isOnTickGrid(new BigDecimal("23510.15"))).isTrue();
    assertThat(nifty.isOnTickGrid(new BigDecimal("23510.12"))).isFalse();
    assertThat(nifty.isWholeLots(150)).isTrue();
    assertThat(nifty.isWholeLots(100)).isFalse();
    assertThat(nifty.isWholeLots(0)).isFalse();
    assertThat(nifty.isin()).isEmpty();
  }

  @Test
  void aNonPositiveTickSizeIsRefused() {
    assertThatThrownBy(() -> new Instrument(INFY, "", "", Segment.EQUITY, BigDecimal.ZERO, 1, ""))
        .hasMessageContaining("NSE:INFY: tick size must be positive");
  }
}

package com.sharewise.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstrumentIdTest {

  @Test
  void parsesExchangeColonSymbolAndPrintsItBack() {
    InstrumentId id = InstrumentId.parse("nse:infy");

    assertThat(id.exchange()).isEqualTo(Exchange.NSE);
    assertThat(id.symbol()).isEqualTo("INFY");
    assertThat(id).hasToString("NSE:INFY").isEqualTo(new InstrumentId(Exchange.NSE, "INFY"));
  }

  @Test
  void symbolsWithDashesAndAmpersandsAreKept() {
    assertThat(InstrumentId.parse("NSE:M&M").symbol()).isEqualTo("M&M");
    assertThat(InstrumentId.parse("NSE:BAJAJ-AUTO").symbol()).isEqualTo("BAJAJ-AUTO");
  }

  @Test
  void aMissingColonOrSymbolSaysWhatTheFormatIs() {
    assertThatThrownBy(() -> InstrumentId.parse("INFY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EXCHANGE:SYMBOL")
        .hasMessageContaining("'INFY'");
    assertThatThrownBy(() -> InstrumentId.parse("NSE:")).hasMessageContaining("EXCHANGE:SYMBOL");
  }

  @Test
  void anUnknownExchangeListsTheKnownOnes() {
    assertThatThrownBy(() -> InstrumentId.parse("NYSE:IBM"))
        .hasMessageContaining("unknown exchange 'NYSE'")
        .hasMessageContaining("NSE, BSE");
  }
}

package com.sharewise.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeframeTest {

  @Test
  void parsesLabelsCaseInsensitively() {
    assertThat(Timeframe.parse("15M")).isEqualTo(Timeframe.M15);
    assertThat(Timeframe.parse("1h").duration()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anUnknownLabelListsTheValidOnes() {
    assertThatThrownBy(() -> Timeframe.parse("2m"))
        .hasMessage("unknown timeframe '2m'; valid: 1m, 3m, 5m, 15m, 30m, 1h, 1d");
  }
}

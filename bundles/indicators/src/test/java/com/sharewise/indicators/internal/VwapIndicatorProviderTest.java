package com.sharewise.indicators.internal;

import static com.sharewise.indicators.internal.OutputsAssert.assertOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VwapIndicatorProviderTest {

  private final VwapIndicatorProvider provider = new VwapIndicatorProvider();

  @Test
  void describesAParameterlessOverlay() {
    assertThat(provider.descriptor().id()).isEqualTo("vwap");
    assertThat(provider.descriptor().parameters()).isEmpty();
    assertThat(provider.descriptor().overlay()).isTrue();
  }

  @Test
  void weighsTypicalPricesByVolumeAndStartsAfreshEachSession() {
    Ohlcv bars =
        Ohlcv.at(
            new Instant[] {
              Instant.parse("2025-01-06T09:58:00Z"), // 15:28 IST
              Instant.parse("2025-01-06T09:59:00Z"), // 15:29 IST
              Instant.parse("2025-01-07T03:45:00Z"), // 09:15 IST next day
              Instant.parse("2025-01-07T03:46:00Z")
            },
            new double[] {102, 106, 93, 96},
            new double[] {98, 102, 87, 90},
            new double[] {100, 104, 90, 93},
            new double[] {100, 300, 0, 200});

    // (100·100 + 104·300) / 400 = 103; the next session has traded nothing at its first bar
    assertOutputs(provider, bars, Map.of(), new double[][] {{100, 103, Double.NaN, 93}}, 1e-12);
  }

  @Test
  void theSessionChangesAtMidnightIndianTimeNotUtc() {
    Ohlcv bars =
        Ohlcv.at(
            new Instant[] {
              Instant.parse("2025-01-06T18:28:00Z"), // 23:58 IST
              Instant.parse("2025-01-06T18:29:00Z"), // 23:59 IST
              Instant.parse("2025-01-06T18:30:00Z"), // 00:00 IST, 7 January
            },
            new double[] {10, 20, 30},
            new double[] {10, 20, 30},
            new double[] {10, 20, 30},
            new double[] {1, 1, 1});

    assertOutputs(provider, bars, Map.of(), new double[][] {{10, 15, 30}}, 1e-12);
  }

  @Test
  void matchesTheDefinitionOverManySessions() {
    Ohlcv bars = Ohlcv.random(375 * 8, 41);

    assertOutputs(provider, bars, Map.of(), new double[][] {Reference.vwap(bars)}, 1e-6);
  }
}

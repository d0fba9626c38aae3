package com.sharewise.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickCodecTest {

  @Test
  void aTickSurvivesTheRoundTripExactly() {
    Tick tick =
        new Tick(
            InstrumentId.parse("NSE:INFY"),
            Instant.parse("2025-01-06T03:45:00.123456789Z"),
            1500.05,
            25,
            1_234_567,
            1500.0,
            1500.05,
            new MarketDepth(
                List.of(new DepthLevel(1500.0, 100, 3), new DepthLevel(1499.95, 250, 7)),
                List.of(new DepthLevel(1500.05, 80, 2))));

    assertThat(TickCodec.decode(TickCodec.encode(tick))).isEqualTo(tick);
  }

  @Test
  void aTickWithoutBookKeepsNaNPricesAndNoLevels() {
    Tick tick =
        new Tick(
            InstrumentId.parse("NFO:NIFTY25JANFUT"),
            Instant.EPOCH,
            23_500,
            0,
            0,
            Double.NaN,
            Double.NaN,
            MarketDepth.EMPTY);

    Tick back = TickCodec.decode(TickCodec.encode(tick));
    assertThat(back.bid()).isNaN();
    assertThat(back.depth()).isEqualTo(MarketDepth.EMPTY);
    assertThat(back.instrument()).isEqualTo(tick.instrument());
  }
}

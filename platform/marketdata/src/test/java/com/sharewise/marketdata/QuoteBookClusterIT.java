package com.sharewise.marketdata;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.grid.Grid;
import com.sharewise.grid.GridConfig;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Hazelcast members in one JVM: a quote taken on one node is read on the other. */
class QuoteBookClusterIT {

  private static final InstrumentId SBIN = InstrumentId.parse("NSE:SBIN");

  @TempDir Path data;

  @Test
  void aQuotePublishedOnOneNodeIsReadOnTheOtherThroughTheQuoteSource() throws IOException {
    int portA = MarketDataIT.freePort();
    int portB = MarketDataIT.freePort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    ManualClock clock = new ManualClock(at("2025-01-06 10:00:00"));
    try (Store store = Store.open(StoreConfig.embedded(data));
        Grid gridA = Grid.start(new GridConfig("quotes-it", "127.0.0.1", portA, members));
        Grid gridB = Grid.start(new GridConfig("quotes-it", "127.0.0.1", portB, members));
        MarketData nodeA = start(store, gridA, clock);
        MarketData nodeB = start(store, gridB, clock)) {
      assertThat(gridA.health().members()).hasSize(2);
      QuoteSource onB = nodeB.quotes();
      assertThat(onB.latest(SBIN)).isEmpty();

      Tick first = tick(at("2025-01-06 10:00:01"), 812.35);
      nodeA.ticks().onTick(first);

      MarketDataIT.await(() -> onB.latest(SBIN).isPresent());
      assertThat(onB.latest(SBIN)).contains(first);
      assertThat(nodeB.quotes().all()).contains(first);

      Tick newer = tick(at("2025-01-06 10:00:02"), 812.40);
      nodeA.ticks().onTick(newer);
      nodeA.ticks().onTick(tick(at("2025-01-06 10:00:00"), 1.00)); // older: dropped on A
      MarketDataIT.await(() -> onB.latest(SBIN).equals(Optional.of(newer)));
      assertThat(nodeA.quotes().stats().droppedOutOfOrder()).isEqualTo(1);
      assertThat(nodeB.quotes().stats().accepted()).as("B received no tick itself").isZero();
    }
  }

  private static MarketData start(Store store, Grid grid, ManualClock clock) {
    return MarketData.start(
        MarketDataConfig.defaults(TradingCalendar.nse()),
        store.dsl(),
        grid.hazelcast(),
        clock,
        StreamPublisher.NONE,
        null);
  }

  private static Tick tick(Instant time, double price) {
    return new Tick(
        SBIN,
        time,
        price,
        50,
        10_000,
        price - 0.05,
        price,
        new MarketDepth(
            List.of(new DepthLevel(price - 0.05, 500, 4)), List.of(new DepthLevel(price, 300, 2))));
  }
}

package com.sharewise.marketdata.feed;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.TickCsv;
import com.sharewise.marketdata.TradingCalendar;
import com.sharewise.marketdata.internal.TickPipeline;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  private static final List<Bar> BARS =
      List.of(
          new Bar(INFY, Timeframe.M1, at("2025-01-06 09:15:00"), 100, 103, 99, 102, 1000),
          new Bar(INFY, Timeframe.M1, at("2025-01-06 09:16:00"), 102, 104, 98, 99, 801),
          new Bar(INFY, Timeframe.M1, at("2025-01-06 09:17:00"), 99, 99, 97, 98, 400));

  @Test
  void aBarBecomesFourTicksThatRebuildTheSameBar() {
    List<Tick> ticks = ReplayFeed.ticksOf(BARS);

    assertThat(ticks).hasSize(12);
    assertThat(ticks.subList(0, 4))
        .extracting(Tick::lastPrice)
        .containsExactly(100.0, 99.0, 103.0, 102.0); // up bar: low before high
    assertThat(ticks.subList(4, 8))
        .extracting(Tick::lastPrice)
        .containsExactly(102.0, 104.0, 98.0, 99.0);
    assertThat(ticks.get(5).exchangeTime()).isEqualTo(at("2025-01-06 09:16:15"));
    assertThat(ticks.get(7).volume()).isEqualTo(1801);

    List<Bar> rebuilt = new ArrayList<>();
    TickPipeline pipeline =
        new TickPipeline(
            TradingCalendar.nse(),
            Arrays.asList(Timeframe.M1, Timeframe.M3),
            (bar, nanos) -> rebuilt.add(bar),
            1_000);
    ticks.forEach(pipeline::onTick);
    pipeline.closeDue(at("2025-01-06 09:30:00").toEpochMilli());
    pipeline.closeDue(at("2025-01-06 09:31:00").toEpochMilli());

    assertThat(rebuilt.stream().filter(b -> b.timeframe() == Timeframe.M1).toList())
        .containsExactlyElementsOf(BARS);
    assertThat(rebuilt.stream().filter(b -> b.timeframe() == Timeframe.M3).toList())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.high()).isEqualTo(104);
              assertThat(b.low()).isEqualTo(97);
              assertThat(b.volume()).isEqualTo(2201);
            });
  }

  @Test
  void playsSubscribedInstrumentsInTimeOrderAtSpeedAndSaysWhenDone() throws Exception {
    List<Tick> ticks =
        TickCsv.parse(
            new StringReader(
                """
                timestamp,instrument,last,quantity,volume,bid,ask
                2025-01-06 09:15:00.500,NSE:INFY,1500.05,10,10,1500,1500.05
                2025-01-06T09:15:00+05:30,NSE:TCS,3400,5,5,,
                2025-01-06 09:15:01,NSE:INFY,1500.10,10,20,,
                2025-01-06 11:00:00,NSE:INFY,1501,10,30,,
                """));
    ReplayFeed feed = ReplayFeed.ofTicks(ticks, 1000, Duration.ofMillis(20));
    List<Tick> played = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    feed.onFinished(done::countDown);
    feed.start(played::add);
    long start = System.nanoTime();
    feed.subscribe(List.of(INFY));

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(played).extracting(Tick::lastPrice).containsExactly(1500.05, 1500.10, 1501.0);
    assertThat(feed.played()).isEqualTo(3);
    assertThat(System.nanoTime() - start)
        .as("the 1h45m gap is capped at the maximum pause")
        .isLessThan(Duration.ofSeconds(4).toNanos());
    feed.stop();
  }
}

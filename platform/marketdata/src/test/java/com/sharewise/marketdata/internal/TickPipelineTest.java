package com.sharewise.marketdata.internal;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.TradingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickPipelineTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final long GRACE = 1_000;

  private final List<Bar> closed = new ArrayList<>();
  private final TickPipeline pipeline =
      new TickPipeline(
          TradingCalendar.nse(),
          Arrays.asList(Timeframe.values()),
          (bar, nanos) -> closed.add(bar),
          GRACE);

  @Test
  void theFirstBarsOfTheDayOpenAt0915AndCloseWhenTheNextIntervalsTickArrives() {
    tick("2025-01-06 09:15:00", 1500.00, 10, 0);
    tick("2025-01-06 09:15:20", 1502.50, 5, 0);
    tick("2025-01-06 09:15:59.999", 1499.00, 7, 0);
    assertThat(closed).isEmpty();

    tick("2025-01-06 09:16:00", 1501.00, 3, 0);

    assertThat(closed).hasSize(1);
    Bar bar = closed.get(0);
    assertThat(bar.timeframe()).isEqualTo(Timeframe.M1);
    assertThat(bar.openTime()).isEqualTo(at("2025-01-06 09:15:00"));
    assertThat(new double[] {bar.open(), bar.high(), bar.low(), bar.close()})
        .containsExactly(1500.00, 1502.50, 1499.00, 1499.00);
    assertThat(bar.volume()).isEqualTo(22);
  }

  @Test
  void barsOfEveryTimeframeStartOnThe0915Grid() {
    tick("2025-01-06 10:14:00", 100, 1, 0);
    tick("2025-01-06 10:16:00", 101, 1, 0); // closes the 09:15 hour, 10:00 15m, 10:10 5m …

    assertThat(closed)
        .extracting(b -> b.timeframe().label() + " " + b.openTime())
        .containsExactlyInAnyOrder(
            "1m " + at("2025-01-06 10:14:00"),
            "3m " + at("2025-01-06 10:12:00"),
            "5m " + at("2025-01-06 10:10:00"),
            "15m " + at("2025-01-06 10:00:00"),
            "30m " + at("2025-01-06 09:45:00"),
            "1h " + at("2025-01-06 09:15:00"));
  }

  @Test
  void theLastHourOfTheSessionIsTheShortBar1515To1530AndTheDailyBarIsTheSession() {
    tick("2025-01-06 09:15:00", 100, 10, 1000);
    tick("2025-01-06 12:00:00", 110, 10, 1500);
    tick("2025-01-06 15:14:00", 95, 10, 1800);
    tick("2025-01-06 15:20:00", 97, 10, 1850);
    tick("2025-01-06 15:29:30", 98, 10, 1900);
    closed.clear();

    closeDue(at("2025-01-06 15:30:00").toEpochMilli() + GRACE);

    Bar hour = only(Timeframe.H1);
    assertThat(hour.openTime()).isEqualTo(at("2025-01-06 15:15:00"));
    assertThat(hour.open()).isEqualTo(97);
    assertThat(hour.close()).isEqualTo(98);
    assertThat(hour.volume()).isEqualTo(100); // 1850 → 1900: 50, plus 1800 → 1850: 50
    assertThat(only(Timeframe.M30).openTime()).isEqualTo(at("2025-01-06 15:15:00"));
    Bar day = only(Timeframe.D1);
    assertThat(day.openTime()).isEqualTo(at("2025-01-06 09:15:00"));
    assertThat(new double[] {day.open(), day.high(), day.low(), day.close()})
        .containsExactly(100, 110, 95, 98);
    // first tick of the day counts its own trade (10), then cumulative deltas up to 1900
    assertThat(day.volume()).isEqualTo(10 + 900);
  }

  @Test
  void aTickOlderThanTheNewestIsDroppedAndCounted() {
    tick("2025-01-06 09:15:10", 100, 1, 0);
    tick("2025-01-06 09:15:30", 101, 1, 0);
    tick("2025-01-06 09:15:20", 999, 1, 0);

    assertThat(pipeline.lane(INFY).latest().lastPrice()).isEqualTo(101);
    assertThat(pipeline.lane(INFY).counters().dropped()).isEqualTo(1);
    assertThat(pipeline.totals().accepted()).isEqualTo(2);
    closeDue(at("2025-01-06 09:16:00").toEpochMilli() + GRACE);
    assertThat(only(Timeframe.M1).high()).as("the dropped tick is in no bar").isEqualTo(101);
  }

  @Test
  void aBarClosesOnTheTimerWhenItsIntervalEndsWithoutAnotherTick() {
    tick("2025-01-06 09:15:10", 100, 5, 0);
    long end = at("2025-01-06 09:16:00").toEpochMilli();

    assertThat(pipeline.closeDue(end - 10)).as("the timer notices the tick").isZero();
    assertThat(pipeline.closeDue(end + GRACE - 1)).as("the grace period runs").isZero();
    assertThat(pipeline.closeDue(end + GRACE)).isEqualTo(1);
    assertThat(only(Timeframe.M1).openTime()).isEqualTo(at("2025-01-06 09:15:00"));

    // a straggler for the closed minute is kept as the quote but left out of the bars
    tick("2025-01-06 09:15:59", 120, 5, 0);
    assertThat(pipeline.lane(INFY).counters().late()).isEqualTo(1);
    assertThat(pipeline.lane(INFY).latest().lastPrice()).isEqualTo(120);
    tick("2025-01-06 09:16:30", 101, 5, 0);
    assertThat(closed).hasSize(1);
  }

  @Test
  void ticksOutsideTheSessionUpdateTheQuoteButMakeNoBars() {
    tick("2025-01-06 09:10:00", 100, 5, 0);
    tick("2025-01-06 15:45:00", 100, 5, 0);

    assertThat(pipeline.lane(INFY).counters().outsideSession()).isEqualTo(2);
    assertThat(closeDue(at("2025-01-07 00:00:00").toEpochMilli())).isZero();
    assertThat(pipeline.lane(INFY).latest()).isNotNull();
  }

  @Test
  void changedInstrumentsAreQueuedOnceUntilPolled() {
    tick("2025-01-06 09:15:10", 100, 5, 0);
    tick("2025-01-06 09:15:11", 101, 5, 0);

    Lane lane = pipeline.pollDirty();
    assertThat(lane.latest().lastPrice()).isEqualTo(101);
    assertThat(pipeline.pollDirty()).isNull();
    tick("2025-01-06 09:15:12", 102, 5, 0);
    assertThat(pipeline.pollDirty()).isSameAs(lane);
  }

  @Test
  void theTimerLeavesBarsOfAnInstrumentThatStillTicksToTheTicksThemselves() {
    // a replay: ticks with exchange times long past keep arriving
    long now = at("2025-01-07 12:00:00").toEpochMilli();
    tick("2025-01-06 09:15:10", 100, 5, 0);
    pipeline.closeDue(now);
    tick("2025-01-06 09:15:40", 101, 5, 0);
    pipeline.closeDue(now + 500);
    tick("2025-01-06 09:15:50", 102, 5, 0);
    pipeline.closeDue(now + 2 * GRACE);
    assertThat(closed).isEmpty();
    assertThat(pipeline.lane(INFY).counters().late()).isZero();

    tick("2025-01-06 09:16:05", 103, 5, 0);
    assertThat(only(Timeframe.M1).close()).isEqualTo(102);
    pipeline.closeDue(now + 3 * GRACE);
    pipeline.closeDue(now + 4 * GRACE);
    assertThat(closed).as("quiet now: every forming bar closes").hasSize(1 + 7);
  }

  /** Runs the timer twice: it first notices the last tick, then closes once quiet for the grace. */
  private int closeDue(long nowMillis) {
    return pipeline.closeDue(nowMillis - GRACE) + pipeline.closeDue(nowMillis);
  }

  private Bar only(Timeframe timeframe) {
    List<Bar> bars = closed.stream().filter(b -> b.timeframe() == timeframe).toList();
    assertThat(bars).as(timeframe.label() + " bars").hasSize(1);
    return bars.get(0);
  }

  private void tick(String ist, double price, long quantity, long cumulativeVolume) {
    Instant time = at(ist);
    pipeline.onTick(
        new Tick(
            INFY,
            time,
            price,
            quantity,
            cumulativeVolume,
            price - 0.05,
            price + 0.05,
            MarketDepth.EMPTY));
  }
}

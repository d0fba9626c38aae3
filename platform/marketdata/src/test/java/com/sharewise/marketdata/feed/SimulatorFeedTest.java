package com.sharewise.marketdata.feed;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.FeedException;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Segment;
import com.sharewise.api.market.Tick;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.marketdata.TradingCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorFeedTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId WIPRO = InstrumentId.parse("NSE:WIPRO");
  private static final Map<InstrumentId, Instrument> MASTER =
      Map.of(
          INFY,
          new Instrument(INFY, "1594", "INFOSYS", Segment.EQUITY, new BigDecimal("0.05"), 1, ""),
          WIPRO,
          new Instrument(WIPRO, "3787", "WIPRO", Segment.EQUITY, new BigDecimal("0.01"), 1, ""));

  @Test
  void theSameSeedAndClockGiveTheSameTicksAndAnotherSeedDoesNot() throws FeedException {
    List<Tick> first = run(7, at("2025-01-06 11:00:00"), Duration.ofMinutes(5));
    List<Tick> again = run(7, at("2025-01-06 11:00:00"), Duration.ofMinutes(5));
    List<Tick> other = run(8, at("2025-01-06 11:00:00"), Duration.ofMinutes(5));

    assertThat(first).hasSize(2 * 5 * 60 * 4);
    assertThat(again).isEqualTo(first);
    assertThat(other).hasSameSizeAs(first).isNotEqualTo(first);
  }

  @Test
  void everyPriceIsOnTheInstrumentsTickGridWithASaneBook() throws FeedException {
    List<Tick> ticks = run(11, at("2025-01-06 09:15:00"), Duration.ofMinutes(20));

    assertThat(ticks).isNotEmpty();
    for (Tick tick : ticks) {
      Instrument instrument = MASTER.get(tick.instrument());
      List<Double> prices = new ArrayList<>(List.of(tick.lastPrice(), tick.bid(), tick.ask()));
      tick.depth().bids().stream().map(DepthLevel::price).forEach(prices::add);
      tick.depth().asks().stream().map(DepthLevel::price).forEach(prices::add);
      for (double price : prices) {
        assertThat(instrument.isOnTickGrid(new BigDecimal(Double.toString(price))))
            .as("%s price %s on the %s grid", tick.instrument(), price, instrument.tickSize())
            .isTrue();
      }
      assertThat(tick.bid()).isLessThan(tick.ask());
      assertThat(tick.lastPrice()).isIn(tick.bid(), tick.ask());
      assertThat(tick.depth().bids()).hasSize(5);
      assertThat(tick.depth().asks()).hasSize(5);
      assertThat(tick.depth().bids().get(0).price()).isEqualTo(tick.bid());
      assertThat(tick.depth().asks().get(4).price()).isGreaterThan(tick.ask());
      assertThat(tick.lastQuantity()).isPositive();
    }
    Tick last = ticks.get(ticks.size() - 1);
    long traded =
        ticks.stream()
            .filter(t -> t.instrument().equals(last.instrument()))
            .mapToLong(Tick::lastQuantity)
            .sum();
    assertThat(last.volume()).as("cumulative volume from the open").isEqualTo(traded);
  }

  @Test
  void ticksComeOnlyDuringTheNseSessionInIst() throws FeedException {
    List<Tick> ticks = new ArrayList<>();
    ManualClock clock = new ManualClock(at("2025-01-10 08:00:00")); // Friday
    SimulatorFeed feed = feed(3, 0.2, TradingCalendar.nse(), clock);
    feed.start(ticks::add);
    feed.subscribe(List.of(INFY));
    for (Instant t = clock.instant();
        t.isBefore(at("2025-01-13 10:00:00"));
        t = t.plusSeconds(37)) {
      feed.advanceTo(t);
    }

    assertThat(ticks).isNotEmpty();
    for (Tick tick : ticks) {
      var ist = tick.exchangeTime().atZone(Ist.ZONE);
      assertThat(ist.getDayOfWeek()).isIn(DayOfWeek.FRIDAY, DayOfWeek.MONDAY);
      assertThat(ist.toLocalTime())
          .isBetween(LocalTime.of(9, 15), LocalTime.of(15, 29, 59, 999_999_999));
    }
    assertThat(ticks.get(0).exchangeTime()).isEqualTo(at("2025-01-10 09:15:00"));
    assertThat(ticks).anyMatch(t -> t.exchangeTime().equals(at("2025-01-13 09:15:00")));
    assertThat(ticks.get(0).volume())
        .as("a new session starts its cumulative volume afresh")
        .isEqualTo(ticks.get(0).lastQuantity());
  }

  @Test
  void startingMidSessionFastForwardsAndEmitsOnlyLaterTicks() throws FeedException {
    List<Tick> ticks = run(5, at("2025-01-06 13:00:00.100"), Duration.ofSeconds(10));

    assertThat(ticks).allMatch(t -> t.exchangeTime().isAfter(at("2025-01-06 13:00:00.100")));
    assertThat(ticks.get(0).exchangeTime()).isEqualTo(at("2025-01-06 13:00:00.250"));
    assertThat(ticks.get(0).volume())
        .as("volume traded since the open is accounted for")
        .isGreaterThan(100 * ticks.get(0).lastQuantity());
  }

  @Test
  void volatilityClustersAbsoluteReturnsAreAutocorrelatedUnlikeAConstantVolatilityWalk()
      throws FeedException {
    double clustered = absoluteReturnAutocorrelation(PricePath.Dynamics.DEFAULT);
    double constant = absoluteReturnAutocorrelation(PricePath.Dynamics.constant(0.4));
    org.slf4j.LoggerFactory.getLogger(getClass())
        .info("ACF(|r|) clustered={} constant={}", clustered, constant);

    assertThat(clustered)
        .as("mean autocorrelation of |1-minute returns|, lags 1–10")
        .isGreaterThan(0.08);
    assertThat(constant).isBetween(-0.04, 0.04);
  }

  @Test
  void unknownInstrumentsAreRefusedByName() {
    SimulatorFeed feed =
        feed(1, 1, TradingCalendar.nse(), new ManualClock(at("2025-01-06 10:00:00")));
    feed.start(t -> {});
    assertThatThrownBy(() -> feed.subscribe(List.of(INFY, InstrumentId.parse("NSE:NOPE"))))
        .isInstanceOf(FeedException.class)
        .hasMessageContaining("NSE:NOPE")
        .message()
        .doesNotContain("NSE:INFY");
  }

  /**
   * Mean autocorrelation at lags 1..10 of absolute 1-minute log returns over 60 hours of an
   * always-open market. Returns across a session boundary (where each day's opening gap is) are
   * left out: two gaps of a few percent would otherwise swamp the statistic.
   */
  private static double absoluteReturnAutocorrelation(PricePath.Dynamics dynamics)
      throws FeedException {
    TradingCalendar calendar = TradingCalendar.alwaysOpen();
    Instant start = at("2025-01-06 09:15:00");
    SimulatorFeed feed =
        new SimulatorFeed(
            SimulatorConfig.manual(21, 1).withDynamics(dynamics),
            id -> Optional.ofNullable(MASTER.get(id)),
            calendar,
            new ManualClock(start));
    Tick[] last = new Tick[1];
    feed.start(t -> last[0] = t);
    feed.subscribe(List.of(INFY));
    feed.advanceTo(start);
    List<Double> absolute = new ArrayList<>();
    Tick previous = last[0];
    for (int minute = 1; minute <= 60 * 60; minute++) {
      feed.advanceTo(start.plusSeconds(60L * minute));
      Tick close = last[0];
      if (calendar
          .session(close.exchangeTime())
          .equals(calendar.session(previous.exchangeTime()))) {
        absolute.add(Math.abs(Math.log(close.lastPrice() / previous.lastPrice())));
      }
      previous = close;
    }
    assertThat(absolute).hasSizeGreaterThan(3500);
    double[] values = absolute.stream().mapToDouble(Double::doubleValue).toArray();
    double sum = 0;
    for (int lag = 1; lag <= 10; lag++) {
      sum += autocorrelation(values, lag);
    }
    return sum / 10;
  }

  static double autocorrelation(double[] x, int lag) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double numerator = 0;
    double denominator = 0;
    for (int i = 0; i < x.length; i++) {
      denominator += (x[i] - mean) * (x[i] - mean);
      if (i + lag < x.length) {
        numerator += (x[i] - mean) * (x[i + lag] - mean);
      }
    }
    return numerator / denominator;
  }

  private static List<Tick> run(long seed, Instant start, Duration length) throws FeedException {
    List<Tick> ticks = new ArrayList<>();
    ManualClock clock = new ManualClock(start);
    SimulatorFeed feed = feed(seed, 4, TradingCalendar.nse(), clock);
    feed.start(ticks::add);
    feed.subscribe(List.of(INFY, WIPRO));
    feed.advanceTo(start);
    Instant end = start.plus(length);
    for (Instant t = start; !t.isAfter(end); t = t.plusMillis(333)) {
      feed.advanceTo(t);
    }
    feed.advanceTo(end);
    return ticks;
  }

  private static SimulatorFeed feed(
      long seed, double ticksPerSecond, TradingCalendar calendar, Clock clock) {
    return new SimulatorFeed(
        SimulatorConfig.manual(seed, ticksPerSecond),
        id -> Optional.ofNullable(MASTER.get(id)),
        calendar,
        clock);
  }
}

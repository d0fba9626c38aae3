package com.sharewise.strategy.openingrangebreakout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyDescriptor;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.api.testing.TestStrategyContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningRangeBreakoutStrategyTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final InstrumentId SBIN = InstrumentId.parse("NSE:SBIN");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
  private static final LocalDate DAY_1 = LocalDate.of(2025, 1, 6);
  private static final LocalDate DAY_2 = LocalDate.of(2025, 1, 7);

  /**
   * Range 09:15-09:30 is high 102 / low 99. The 09:35 bar closes at 103, above the range and above
   * the VWAP of 101.15 ((100.1667 + 101 + 100.3333 + 100.5333) × 1000 + 102.4333 × 2000, over
   * 6000): a long that is held, quietly at 103, until square-off.
   */
  private static final List<Bar> BREAKOUT_DAY =
      session(
          SBIN,
          DAY_1,
          103,
          Map.of(
              "09:15", new double[] {100, 101, 99, 100.5, 1000},
              "09:20", new double[] {100.5, 102, 100, 101, 1000},
              "09:25", new double[] {101, 101.5, 99.5, 100, 1000},
              "09:30", new double[] {100, 101, 99.8, 100.8, 1000},
              "09:35", new double[] {100.8, 103.5, 100.8, 103, 2000}));

  /**
   * Range 09:15-09:30 is high 202 / low 199. Heavy volume traded up to 210 in the 09:30 bar lifts
   * VWAP to about 203.3; from 09:35 every close (203, then 202.8) is above the range high but below
   * VWAP, so the breakout is never confirmed.
   */
  private static final List<Bar> FILTERED_DAY =
      session(
          SBIN,
          DAY_2,
          202.8,
          Map.of(
              "09:15", new double[] {200, 201, 199, 200, 1000},
              "09:20", new double[] {200, 202, 199.5, 201, 1000},
              "09:25", new double[] {201, 201.5, 199, 200, 1000},
              "09:30", new double[] {200, 210, 200, 201.5, 20000},
              "09:35", new double[] {201.5, 203.2, 201.5, 203, 1000}));

  /**
   * Range 102 / 99, quiet otherwise. 09:30 closes at 98 below the range and VWAP (short); 10:00
   * closes at 103.5 above the range and VWAP (cover, long); 11:00 closes at 96.5 below both (sell;
   * a second short is not allowed); 12:00 breaks out above again (a second long is not allowed
   * either).
   */
  private static final List<Bar> WHIPSAW_DAY =
      session(
          SBIN,
          DAY_1,
          100,
          Map.ofEntries(
              Map.entry("09:15", new double[] {100, 101, 99, 100.5, 1000}),
              Map.entry("09:20", new double[] {100.5, 102, 100, 101, 1000}),
              Map.entry("09:25", new double[] {101, 101.5, 99.5, 100, 1000}),
              Map.entry("09:30", new double[] {100, 100, 97.5, 98, 2000}),
              Map.entry("10:00", new double[] {100, 104, 98, 103.5, 6000}),
              Map.entry("11:00", new double[] {100, 103.5, 96, 96.5, 20000}),
              Map.entry("12:00", new double[] {100, 108, 99, 107.5, 60000})));

  private final OpeningRangeBreakoutStrategyFactory factory =
      new OpeningRangeBreakoutStrategyFactory();
  private final TestStrategyContext context = new TestStrategyContext(Timeframe.M5, SBIN);

  @Test
  void describesItsParameters() {
    StrategyDescriptor descriptor = factory.descriptor();

    assertThat(descriptor.id()).isEqualTo("opening-range-breakout");
    assertThat(Parameters.defaults(descriptor.parameters()).asMap())
        .containsExactly(
            Map.entry("rangeMinutes", 15L),
            Map.entry("squareOff", "15:15"),
            Map.entry("allowShort", false));
    assertThat(descriptor.parameters().get(0))
        .extracting(ParameterSpec::min, ParameterSpec::max)
        .containsExactly(1.0, 360.0);
  }

  @Test
  void entersTheDay1BreakoutAboveVwapIgnoresTheDay2OneBelowVwapAndSquaresOff() {
    StrategyInstance strategy = create(Map.of());

    deliver(strategy, BREAKOUT_DAY);
    deliver(strategy, FILTERED_DAY);

    assertThat(context.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly("ENTER_LONG@2025-01-06T09:40", "EXIT_LONG@2025-01-06T15:15");
    Signal entry = context.signals().get(0);
    assertThat(entry.price()).isEqualTo(103);
    assertThat(entry.reason())
        .isEqualTo(
            "Close 103.00 above opening range high 102.00 (09:15-09:30) and session VWAP 101.15");
    assertThat(entry.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("rangeHigh", "102", "rangeLow", "99", "vwap", "101.15"));
    Signal squareOff = context.signals().get(1);
    assertThat(squareOff.reason()).isEqualTo("Square-off time 15:15 IST reached");
    assertThat(Double.parseDouble(squareOff.attributes().get("vwap")))
        .isCloseTo(vwap(BREAKOUT_DAY, indexOf(BREAKOUT_DAY, "15:10")), within(0.00005));

    // Day 2 did break out above its range: only VWAP kept the strategy out.
    double rangeHigh = rangeHigh(FILTERED_DAY, 15);
    int confirmed = 0;
    int brokeOut = 0;
    for (int i = indexOf(FILTERED_DAY, "09:30") + 1; i < indexOf(FILTERED_DAY, "15:10"); i++) {
      double close = FILTERED_DAY.get(i).close();
      brokeOut += close > rangeHigh ? 1 : 0;
      confirmed += close > rangeHigh && close > vwap(FILTERED_DAY, i) ? 1 : 0;
    }
    assertThat(brokeOut).isGreaterThan(60);
    assertThat(confirmed).isZero();
  }

  @Test
  void withShortsAllowedEntersEachSideAtMostOncePerSession() {
    StrategyInstance strategy = create(Map.of("allowShort", "true"));

    deliver(strategy, WHIPSAW_DAY);

    assertThat(context.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly(
            "ENTER_SHORT@2025-01-06T09:35",
            "EXIT_SHORT@2025-01-06T10:05",
            "ENTER_LONG@2025-01-06T10:05",
            "EXIT_LONG@2025-01-06T11:05");
    assertThat(context.signals().get(0).reason())
        .isEqualTo(
            "Close 98.00 below opening range low 99.00 (09:15-09:30) and session VWAP "
                + String.format(java.util.Locale.ROOT, "%.2f", vwap(WHIPSAW_DAY, 3)));
    assertThat(context.signals().get(3).reason())
        .startsWith("Close 96.50 below opening range low 99.00 and session VWAP ");
    // The filter held at every signal, computed independently.
    for (String time : List.of("09:30", "10:00", "11:00", "12:00")) {
      int i = indexOf(WHIPSAW_DAY, time);
      double close = WHIPSAW_DAY.get(i).close();
      double vwap = vwap(WHIPSAW_DAY, i);
      assertThat(close > 102 && close > vwap || close < 99 && close < vwap).as(time).isTrue();
    }
  }

  @Test
  void longOnlyIgnoresBreakoutsDownwardsUnlessItHasALongToSell() {
    StrategyInstance strategy = create(Map.of());

    deliver(strategy, WHIPSAW_DAY);

    assertThat(context.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly("ENTER_LONG@2025-01-06T10:05", "EXIT_LONG@2025-01-06T11:05");
  }

  @Test
  void squaresOffAtTheConfiguredTimeAndEntersNothingAfterIt() {
    StrategyInstance strategy = create(Map.of("squareOff", "09:35"));

    deliver(strategy, BREAKOUT_DAY);

    // The 09:35-09:40 breakout bar ends after 09:35: too late to enter.
    assertThat(context.signals()).isEmpty();

    TestStrategyContext early = new TestStrategyContext(Timeframe.M5, SBIN);
    StrategyInstance squaringEarly =
        factory.create(early, parameters(Map.of("squareOff", "09:45")));
    for (Bar bar : BREAKOUT_DAY) {
      early.deliver(squaringEarly, bar);
    }
    assertThat(early.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly("ENTER_LONG@2025-01-06T09:40", "EXIT_LONG@2025-01-06T09:45");
  }

  @Test
  void aRestartMidSessionRemembersTheEntryAndStillSquaresOff() {
    int restart = indexOf(BREAKOUT_DAY, "11:00");
    BREAKOUT_DAY.subList(0, restart).forEach(context::append);
    StrategyInstance strategy = create(Map.of());

    deliver(strategy, BREAKOUT_DAY.subList(restart, BREAKOUT_DAY.size()));

    assertThat(context.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly("EXIT_LONG@2025-01-06T15:15");
  }

  @Test
  void closesAPositionLeftOpenWhenTheNextSessionBegins() {
    StrategyInstance strategy = create(Map.of());

    deliver(strategy, BREAKOUT_DAY.subList(0, indexOf(BREAKOUT_DAY, "14:00")));
    deliver(strategy, FILTERED_DAY.subList(0, 1));

    Signal exit = context.signals().get(1);
    assertThat(describe(exit)).isEqualTo("EXIT_LONG@2025-01-07T09:20");
    assertThat(exit.reason())
        .isEqualTo(
            "Square-off missed: position from 2025-01-06 still open when a new session began");
    // The values are the new session's, after its first bar.
    assertThat(exit.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("rangeHigh", "201", "rangeLow", "199", "vwap", "200"));
  }

  @Test
  void worksOnLongerBarsWhoseRangeIsAWholeNumberOfBars() {
    TestStrategyContext quarterHours = new TestStrategyContext(Timeframe.M15, SBIN);
    StrategyInstance strategy =
        factory.create(quarterHours, parameters(Map.of("rangeMinutes", "30")));
    List<Bar> bars = new ArrayList<>();
    double[][] ohlcv = {
      {100, 102, 99, 101, 1000}, {101, 101.5, 100, 100.5, 1000}, {100.5, 104, 100.5, 103.5, 1000}
    };
    for (int i = 0; i < ohlcv.length; i++) {
      LocalDateTime open = DAY_1.atTime(9, 15).plusMinutes(15L * i);
      bars.add(bar(SBIN, Timeframe.M15, open, ohlcv[i]));
    }

    bars.forEach(bar -> quarterHours.deliver(strategy, bar));

    assertThat(quarterHours.signals())
        .extracting(OpeningRangeBreakoutStrategyTest::describe)
        .containsExactly("ENTER_LONG@2025-01-06T10:00");
  }

  @Test
  void watchesEachInstrumentOnItsOwn() {
    TestStrategyContext two = new TestStrategyContext(Timeframe.M5, SBIN, TCS);
    StrategyInstance strategy = factory.create(two, parameters(Map.of()));

    for (Bar bar : BREAKOUT_DAY) {
      two.deliver(strategy, bar);
      two.deliver(strategy, new Bar(TCS, Timeframe.M5, bar.openTime(), 4000, 4000, 4000, 4000, 10));
      strategy.onBar(new Bar(SBIN, Timeframe.M15, bar.openTime(), 1, 500, 1, 500, 1));
    }

    assertThat(two.signals()).extracting(Signal::instrument).containsExactly(SBIN, SBIN);
  }

  @Test
  void refusesDailyBarsAndARangeThatIsNotAWholeNumberOfBars() {
    assertThatThrownBy(
            () -> factory.create(new TestStrategyContext(Timeframe.D1, SBIN), parameters(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs intraday bars");
    assertThatThrownBy(
            () ->
                factory.create(
                    new TestStrategyContext(Timeframe.M15, SBIN),
                    parameters(Map.of("rangeMinutes", "20"))))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("rangeMinutes"))
        .hasMessageContaining("whole number of 15m bars");
  }

  @Test
  void refusesASquareOffThatIsNotATimeWithinTheTradingPart() {
    for (Map<String, String> given :
        List.of(
            Map.of("squareOff", "3pm"),
            Map.of("squareOff", "15:45"),
            Map.of("squareOff", "09:30"),
            Map.of("squareOff", "10:00", "rangeMinutes", "60"))) {
      assertThatThrownBy(() -> factory.validate(parameters(given)))
          .as(given.toString())
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("squareOff"));
    }
    factory.validate(parameters(Map.of("squareOff", "15:30", "rangeMinutes", "60")));
    assertThatThrownBy(() -> parameters(Map.of("rangeMinutes", "0")))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("rangeMinutes"));
  }

  private StrategyInstance create(Map<String, String> given) {
    return factory.create(context, parameters(given));
  }

  private Parameters parameters(Map<String, String> given) {
    return Parameters.resolve(factory.descriptor().parameters(), given);
  }

  private void deliver(StrategyInstance strategy, List<Bar> bars) {
    bars.forEach(bar -> context.deliver(strategy, bar));
  }

  /** The action and its bar's end time in IST, e.g. {@code ENTER_LONG@2025-01-06T09:40}. */
  private static String describe(Signal signal) {
    return signal.action() + "@" + LocalDateTime.ofInstant(signal.time(), IST);
  }

  /**
   * The 5-minute bars of one session opening 09:15 to 15:25 IST: {@code quiet} with volume 1000,
   * except those listed by open time as {open, high, low, close, volume}.
   */
  private static List<Bar> session(
      InstrumentId instrument, LocalDate date, double quiet, Map<String, double[]> special) {
    List<Bar> bars = new ArrayList<>();
    for (LocalTime open = LocalTime.of(9, 15);
        open.isBefore(LocalTime.of(15, 30));
        open = open.plusMinutes(5)) {
      double[] ohlcv =
          special.getOrDefault(open.toString(), new double[] {quiet, quiet, quiet, quiet, 1000});
      bars.add(bar(instrument, Timeframe.M5, date.atTime(open), ohlcv));
    }
    return bars;
  }

  private static Bar bar(
      InstrumentId instrument, Timeframe timeframe, LocalDateTime open, double[] ohlcv) {
    return new Bar(
        instrument,
        timeframe,
        open.atZone(IST).toInstant(),
        ohlcv[0],
        ohlcv[1],
        ohlcv[2],
        ohlcv[3],
        (long) ohlcv[4]);
  }

  private static int indexOf(List<Bar> bars, String openTime) {
    for (int i = 0; i < bars.size(); i++) {
      if (LocalTime.ofInstant(bars.get(i).openTime(), IST).toString().equals(openTime)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no bar opens at " + openTime);
  }

  /** The session VWAP up to and including bar {@code last}, by its definition. */
  private static double vwap(List<Bar> session, int last) {
    double priceVolume = 0;
    double volume = 0;
    for (int i = 0; i <= last; i++) {
      Bar bar = session.get(i);
      priceVolume += (bar.high() + bar.low() + bar.close()) / 3 * bar.volume();
      volume += bar.volume();
    }
    return priceVolume / volume;
  }

  /** The highest high of the bars opening in the first {@code minutes} after 09:15. */
  private static double rangeHigh(List<Bar> session, int minutes) {
    double high = Double.NEGATIVE_INFINITY;
    for (Bar bar : session) {
      LocalTime open = LocalTime.ofInstant(bar.openTime(), IST);
      if (open.isBefore(LocalTime.of(9, 15).plusMinutes(minutes))) {
        high = Math.max(high, bar.high());
      }
    }
    return high;
  }
}

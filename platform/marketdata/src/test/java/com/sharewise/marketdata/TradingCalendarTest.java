package com.sharewise.marketdata;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Timeframe;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

  private final TradingCalendar nse = TradingCalendar.nse(Set.of(LocalDate.of(2025, 1, 8)));

  @Test
  void theNseSessionRunsFrom0915To1530IstOnWeekdays() {
    assertThat(nse.isOpen(at("2025-01-06 09:14:59"))).isFalse();
    assertThat(nse.isOpen(at("2025-01-06 09:15:00"))).isTrue();
    assertThat(nse.isOpen(at("2025-01-06 15:29:59"))).isTrue();
    assertThat(nse.isOpen(at("2025-01-06 15:30:00"))).isFalse();
    assertThat(nse.isOpen(at("2025-01-11 11:00:00"))).as("Saturday").isFalse();
    assertThat(nse.isOpen(at("2025-01-12 11:00:00"))).as("Sunday").isFalse();
    assertThat(nse.isOpen(at("2025-01-08 11:00:00"))).as("holiday").isFalse();
    TradingCalendar.Session session = nse.session(at("2025-01-06 12:00:00")).orElseThrow();
    assertThat(session.open()).isEqualTo(at("2025-01-06 09:15:00"));
    assertThat(session.close()).isEqualTo(at("2025-01-06 15:30:00"));
    assertThat(session.date()).isEqualTo(LocalDate.of(2025, 1, 6));
  }

  @Test
  void theNextSessionSkipsWeekendsAndHolidays() {
    assertThat(nse.nextSession(at("2025-01-10 16:00:00")).orElseThrow().open())
        .isEqualTo(at("2025-01-13 09:15:00"));
    assertThat(nse.nextSession(at("2025-01-07 15:30:00")).orElseThrow().open())
        .as("over the holiday on the 8th")
        .isEqualTo(at("2025-01-09 09:15:00"));
  }

  @Test
  void intradayBarsAlignTo0915AndTheLastHourIsShort() {
    assertThat(nse.barInterval(Timeframe.M1, at("2025-01-06 09:15:42")).orElseThrow())
        .isEqualTo(interval("09:15:00", "09:16:00"));
    assertThat(nse.barInterval(Timeframe.M3, at("2025-01-06 09:20:00")).orElseThrow())
        .isEqualTo(interval("09:18:00", "09:21:00"));
    assertThat(nse.barInterval(Timeframe.H1, at("2025-01-06 10:14:59")).orElseThrow())
        .isEqualTo(interval("09:15:00", "10:15:00"));
    assertThat(nse.barInterval(Timeframe.H1, at("2025-01-06 10:15:00")).orElseThrow())
        .isEqualTo(interval("10:15:00", "11:15:00"));
    assertThat(nse.barInterval(Timeframe.H1, at("2025-01-06 15:20:00")).orElseThrow())
        .isEqualTo(interval("15:15:00", "15:30:00"));
    assertThat(nse.barInterval(Timeframe.M30, at("2025-01-06 15:29:59")).orElseThrow())
        .isEqualTo(interval("15:15:00", "15:30:00"));
    assertThat(nse.barInterval(Timeframe.D1, at("2025-01-06 13:00:00")).orElseThrow())
        .isEqualTo(interval("09:15:00", "15:30:00"));
    assertThat(nse.barInterval(Timeframe.M5, at("2025-01-06 08:00:00"))).isEmpty();
  }

  @Test
  void alwaysOpenRunsSessionsFrom0915To0915WithNoShortBars() {
    TradingCalendar always = TradingCalendar.alwaysOpen();
    assertThat(always.isOpen(at("2025-01-11 03:00:00"))).isTrue();
    TradingCalendar.Session session = always.session(at("2025-01-11 03:00:00")).orElseThrow();
    assertThat(session.open()).isEqualTo(at("2025-01-10 09:15:00"));
    assertThat(session.close()).isEqualTo(at("2025-01-11 09:15:00"));
    assertThat(always.barInterval(Timeframe.H1, at("2025-01-06 15:20:00")).orElseThrow())
        .isEqualTo(
            new TradingCalendar.Interval(at("2025-01-06 15:15:00"), at("2025-01-06 16:15:00")));
  }

  @Test
  void alignmentForImportsFollowsThe0915GridAtAnyHour() {
    assertThat(TradingCalendar.isAligned(Timeframe.M5, at("2025-01-06 09:20:00"))).isTrue();
    assertThat(TradingCalendar.isAligned(Timeframe.M5, at("2025-01-06 09:21:00"))).isFalse();
    assertThat(TradingCalendar.isAligned(Timeframe.H1, at("2025-01-06 18:15:00"))).isTrue();
    assertThat(TradingCalendar.isAligned(Timeframe.M1, at("2025-01-06 09:15:30"))).isFalse();
    assertThat(TradingCalendar.dailyOpen(at("2025-01-06 00:00:00")))
        .isEqualTo(at("2025-01-06 09:15:00"));
  }

  private static TradingCalendar.Interval interval(String open, String close) {
    return new TradingCalendar.Interval(at("2025-01-06 " + open), at("2025-01-06 " + close));
  }
}

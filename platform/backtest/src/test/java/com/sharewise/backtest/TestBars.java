package com.sharewise.backtest;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Bars for tests: hand-written closes, or a seeded random walk through NSE sessions. */
final class TestBars {

  static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
  static final InstrumentId NIFTY = InstrumentId.parse("NSE:NIFTYBEES");

  /** Monday 6 January 2025, 09:15 IST. */
  static final Instant MONDAY_OPEN = Instant.parse("2025-01-06T03:45:00Z");

  private TestBars() {}

  /** One-minute bars from Monday's open whose close (and open, high, low) is each given price. */
  static List<Bar> closes(InstrumentId instrument, double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      double c = closes[i];
      bars.add(
          new Bar(instrument, Timeframe.M1, MONDAY_OPEN.plusSeconds(60L * i), c, c, c, c, 1000));
    }
    return bars;
  }

  /**
   * {@code n} one-minute bars of a seeded random walk on the tick grid, 375 per NSE session,
   * weekdays only, from Monday 6 January 2025.
   */
  static List<Bar> walk(InstrumentId instrument, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Bar> bars = new ArrayList<>(n);
    Instant day = MONDAY_OPEN;
    double price = 1500;
    int minute = 0;
    for (int i = 0; i < n; i++) {
      if (minute == 375) {
        minute = 0;
        do {
          day = day.plusSeconds(86_400);
        } while (isWeekend(day));
      }
      // geometric: about 20 % a year at 94,500 minutes a year, so the price stays positive
      double close =
          Math.max(0.05, Math.round(price * Math.exp(random.nextGaussian() * 0.0007) * 20) / 20.0);
      double high = Math.max(price, close) + random.nextInt(4) * 0.05;
      double low = Math.max(0.05, Math.min(price, close) - random.nextInt(4) * 0.05);
      bars.add(
          new Bar(
              instrument,
              Timeframe.M1,
              day.plusSeconds(60L * minute),
              price,
              high,
              low,
              close,
              500 + random.nextInt(5_000)));
      price = close;
      minute++;
    }
    return bars;
  }

  private static boolean isWeekend(Instant day) {
    DayOfWeek weekday = day.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).getDayOfWeek();
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
  }
}

package com.sharewise.strategies;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Bars for tests: consecutive bars of one instrument from the NSE open on 6 January 2025. */
final class TestBars {

  static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
  static final InstrumentId SBIN = InstrumentId.parse("NSE:SBIN");

  /** 09:15 IST, Monday 6 January 2025. */
  static final Instant FIRST_OPEN = Instant.parse("2025-01-06T03:45:00Z");

  /**
   * Falls, rises, falls: with SMA(2) and SMA(4) the fast average crosses above the slow one on bar
   * 7 and back below on bar 10 (see the sma-crossover plugin's own test).
   */
  static final double[] FALL_RISE_FALL = {20, 19, 18, 17, 16, 15, 16, 18, 20, 19, 17, 15, 14};

  private TestBars() {}

  /** The {@code index}th bar of {@code instrument} closing at {@code close}. */
  static Bar bar(InstrumentId instrument, Timeframe timeframe, int index, double close) {
    return new Bar(
        instrument,
        timeframe,
        FIRST_OPEN.plus(timeframe.duration().multipliedBy(index)),
        close,
        close,
        close,
        close,
        1000);
  }

  /** Consecutive 5m bars from index {@code first} at these closes. */
  static List<Bar> bars(InstrumentId instrument, int first, double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      bars.add(bar(instrument, Timeframe.M5, first + i, closes[i]));
    }
    return bars;
  }
}

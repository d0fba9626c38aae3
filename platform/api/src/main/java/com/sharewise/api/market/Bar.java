package com.sharewise.api.market;

import java.time.Instant;
import java.util.Objects;

/**
 * An OHLCV bar. {@code openTime} is the start of the interval; the bar covers {@code [openTime,
 * openTime + timeframe)}.
 *
 * @param instrument which instrument
 * @param timeframe the interval length
 * @param openTime start of the interval
 * @param open first traded price
 * @param high highest traded price
 * @param low lowest traded price
 * @param close last traded price
 * @param volume traded quantity within the interval
 */
public record Bar(
    InstrumentId instrument,
    Timeframe timeframe,
    Instant openTime,
    double open,
    double high,
    double low,
    double close,
    long volume) {

  public Bar {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(openTime, "openTime");
    if (!(low <= high) || open < low || open > high || close < low || close > high) {
      throw new IllegalArgumentException(
          instrument
              + " "
              + openTime
              + ": OHLC inconsistent (o="
              + open
              + " h="
              + high
              + " l="
              + low
              + " c="
              + close
              + ")");
    }
    if (volume < 0) {
      throw new IllegalArgumentException(instrument + " " + openTime + ": negative volume");
    }
  }

  /** The end of the interval, {@code openTime + timeframe}: when this bar closed. */
  public Instant endTime() {
    return openTime.plus(timeframe.duration());
  }
}

package com.sharewise.marketdata;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.Map;

/**
 * A live indicator's value after a bar closed.
 *
 * @param instrument the instrument
 * @param timeframe the bars' timeframe
 * @param indicator the indicator id, e.g. {@code rsi}
 * @param time the open time of the bar the value belongs to
 * @param values one value per output, in the indicator's order; {@code NaN} during warm-up
 */
public record LiveIndicatorValue(
    InstrumentId instrument,
    Timeframe timeframe,
    String indicator,
    Instant time,
    Map<String, Double> values) {

  public LiveIndicatorValue {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}

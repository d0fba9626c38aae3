package com.sharewise.marketdata.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An indicator computed over stored bars, column by column: {@code values.get(output).get(i)}
 * belongs to the bar opening at {@code times.get(i)}; null during the indicator's warm-up.
 *
 * @param indicator the indicator id
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param timeframe e.g. {@code 5m}
 * @param parameters the parameters given (defaults apply to the others)
 * @param outputs output names in order
 * @param times bar open times, oldest first
 * @param values one column per output
 */
public record IndicatorSeriesDto(
    String indicator,
    String instrument,
    String timeframe,
    Map<String, String> parameters,
    List<String> outputs,
    List<Instant> times,
    Map<String, List<Double>> values) {}

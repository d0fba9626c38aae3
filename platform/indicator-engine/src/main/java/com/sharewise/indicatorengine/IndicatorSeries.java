package com.sharewise.indicatorengine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An indicator computed over a run of bars.
 *
 * @param id the indicator's id, e.g. {@code macd}
 * @param outputs the output names in the indicator's order, e.g. {@code [macd, signal, histogram]}
 * @param times the open time of each bar, oldest first
 * @param values one array per output, each as long as {@code times}; {@code NaN} where the
 *     indicator has no value yet (its warm-up). The arrays are not copied: do not modify them.
 */
public record IndicatorSeries(
    String id, List<String> outputs, List<Instant> times, Map<String, double[]> values) {}

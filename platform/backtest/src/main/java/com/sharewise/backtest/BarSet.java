package com.sharewise.backtest;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars a backtest replays, loaded before it starts.
 *
 * @param primary per traded instrument, its bars of the primary timeframe in the range, oldest
 *     first
 * @param extra bars of the strategy's extra timeframes (any of its instruments), in any order; the
 *     engine interleaves them by end time
 * @param warmUp history before the range, given to the strategy's series without signalling
 * @param benchmark the benchmark instrument's bars of the primary timeframe, oldest first; empty
 *     without a benchmark
 */
public record BarSet(
    Map<InstrumentId, List<Bar>> primary, List<Bar> extra, List<Bar> warmUp, List<Bar> benchmark) {

  public BarSet {
    primary = primary == null ? Map.of() : new LinkedHashMap<>(primary);
    primary.replaceAll((instrument, bars) -> List.copyOf(bars));
    primary = java.util.Collections.unmodifiableMap(primary);
    extra = extra == null ? List.of() : List.copyOf(extra);
    warmUp = warmUp == null ? List.of() : List.copyOf(warmUp);
    benchmark = benchmark == null ? List.of() : List.copyOf(benchmark);
  }

  /** Only primary bars: one instrument's, no extras, no warm-up, no benchmark. */
  public static BarSet of(InstrumentId instrument, List<Bar> bars) {
    return new BarSet(Map.of(instrument, bars), List.of(), List.of(), List.of());
  }

  /** The number of primary bars. */
  public long primaryCount() {
    long n = 0;
    for (List<Bar> bars : primary.values()) {
      n += bars.size();
    }
    return n;
  }

  /** The bars opening in {@code [from, to)} (walk-forward windows); warm-up is dropped. */
  public BarSet between(java.time.Instant from, java.time.Instant to) {
    Map<InstrumentId, List<Bar>> sliced = new LinkedHashMap<>();
    primary.forEach((instrument, bars) -> sliced.put(instrument, slice(bars, from, to)));
    return new BarSet(sliced, slice(extra, from, to), List.of(), slice(benchmark, from, to));
  }

  private static List<Bar> slice(List<Bar> bars, java.time.Instant from, java.time.Instant to) {
    return bars.stream()
        .filter(b -> !b.openTime().isBefore(from) && b.openTime().isBefore(to))
        .toList();
  }
}

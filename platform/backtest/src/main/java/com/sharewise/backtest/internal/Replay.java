package com.sharewise.backtest.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The bars of a backtest in replay order, in flat arrays so the engine's loop reads them without
 * allocating: by end time; at the same end time, coarser timeframes first (a strategy reading a
 * daily series sees the day's bar before the last minute bar of that day), then instruments in the
 * order the backtest lists them.
 *
 * <p>Primary bars move the clock, the quotes and the equity curve; extra-timeframe bars only feed
 * the strategy's series.
 */
public final class Replay {

  private final Bar[] bars;
  private final int[] instrument;
  private final boolean[] primary;
  private final long[] openMillis;
  private final long[] endMillis;
  private final long primaryCount;

  private Replay(List<Source> sources, int total) {
    bars = new Bar[total];
    instrument = new int[total];
    primary = new boolean[total];
    openMillis = new long[total];
    endMillis = new long[total];
    int[] next = new int[sources.size()];
    long primaries = 0;
    boolean merge = sources.size() > 1; // a single series is already in replay order
    for (int n = 0; n < total; n++) {
      int best = merge ? -1 : 0;
      for (int s = 0; merge && s < sources.size(); s++) {
        Source source = sources.get(s);
        if (next[s] < source.bars.size()
            && (best < 0 || source.before(next[s], sources.get(best), next[best]))) {
          best = s;
        }
      }
      Source source = sources.get(best);
      Bar bar = source.bars.get(next[best]);
      bars[n] = bar;
      instrument[n] = source.instrument;
      primary[n] = source.primary;
      openMillis[n] = bar.openTime().toEpochMilli();
      endMillis[n] = openMillis[n] + source.lengthMillis;
      if (source.primary) {
        primaries++;
      }
      next[best]++;
    }
    primaryCount = primaries;
  }

  /**
   * Checks and merges the bars.
   *
   * @throws BacktestException.Invalid when a series is out of order or holds a bar of another
   *     instrument or timeframe
   */
  public static Replay of(
      InstrumentIndex index,
      Timeframe timeframe,
      Map<InstrumentId, List<Bar>> primary,
      List<Bar> extra) {
    List<Source> sources = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < index.size(); i++) {
      List<Bar> bars = primary.getOrDefault(index.get(i), List.of());
      check(bars, index.get(i), timeframe);
      sources.add(new Source(bars, i, true, timeframe));
      total += bars.size();
    }
    Map<Timeframe, Map<InstrumentId, List<Bar>>> grouped = new java.util.EnumMap<>(Timeframe.class);
    for (Bar bar : extra) {
      grouped
          .computeIfAbsent(bar.timeframe(), k -> new java.util.LinkedHashMap<>())
          .computeIfAbsent(bar.instrument(), k -> new ArrayList<>())
          .add(bar);
    }
    for (var byTimeframe : grouped.entrySet()) {
      for (var byInstrument : byTimeframe.getValue().entrySet()) {
        List<Bar> bars = byInstrument.getValue();
        bars.sort(Comparator.comparing(Bar::openTime));
        check(bars, byInstrument.getKey(), byTimeframe.getKey());
        sources.add(
            new Source(bars, index.indexOf(byInstrument.getKey()), false, byTimeframe.getKey()));
        total += bars.size();
      }
    }
    return new Replay(sources, total);
  }

  private static void check(List<Bar> bars, InstrumentId instrument, Timeframe timeframe) {
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      // the same instance in the usual case: spare a record comparison per bar
      boolean same = bar.instrument() == instrument || bar.instrument().equals(instrument);
      if (!same || bar.timeframe() != timeframe) {
        throw new BacktestException.Invalid(
            "bars",
            "a bar of "
                + bar.instrument()
                + " "
                + bar.timeframe().label()
                + " is among the "
                + instrument
                + " "
                + timeframe.label()
                + " bars");
      }
      if (i > 0 && !bar.openTime().isAfter(bars.get(i - 1).openTime())) {
        throw new BacktestException.Invalid(
            "bars",
            "the "
                + instrument
                + " "
                + timeframe.label()
                + " bars are not in time order at "
                + bar.openTime());
      }
    }
  }

  public int size() {
    return bars.length;
  }

  /** How many primary bars there are (what progress counts). */
  public long primaryCount() {
    return primaryCount;
  }

  public Bar bar(int n) {
    return bars[n];
  }

  /** The bar's instrument number, -1 for an instrument that is not traded. */
  public int instrument(int n) {
    return instrument[n];
  }

  public boolean primary(int n) {
    return primary[n];
  }

  public long openMillis(int n) {
    return openMillis[n];
  }

  public long endMillis(int n) {
    return endMillis[n];
  }

  /** One sorted series of bars. */
  private record Source(
      List<Bar> bars, int instrument, boolean primary, Timeframe timeframe, long lengthMillis) {

    Source(List<Bar> bars, int instrument, boolean primary, Timeframe timeframe) {
      this(bars, instrument, primary, timeframe, timeframe.duration().toMillis());
    }

    /** Whether this source's bar {@code i} replays before {@code other}'s bar {@code j}. */
    boolean before(int i, Source other, int j) {
      long end = bars.get(i).openTime().toEpochMilli() + lengthMillis;
      long otherEnd = other.bars.get(j).openTime().toEpochMilli() + other.lengthMillis;
      if (end != otherEnd) {
        return end < otherEnd;
      }
      if (timeframe != other.timeframe) {
        return timeframe.ordinal() > other.timeframe.ordinal();
      }
      return instrument < other.instrument;
    }
  }
}

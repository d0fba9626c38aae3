package com.sharewise.backtest.runs;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BarSet;
import com.sharewise.marketdata.BarHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a backtest's bars from the stored history. Thread-safe. */
final class BarLoader {

  private final BarHistory history;
  private final int maxBars;

  /**
   * @param maxBars the most primary bars one instrument may bring to one backtest
   */
  BarLoader(BarHistory history, int maxBars) {
    this.history = history;
    this.maxBars = maxBars;
  }

  /**
   * Fails fast, before queueing, when an instrument has no bars in the range.
   *
   * @throws BacktestException.NoBars naming the instrument, timeframe and range
   */
  void requireSome(Prepared p) {
    for (InstrumentId instrument : p.instruments()) {
      if (history.range(instrument, p.timeframe(), p.from(), p.to(), 1).isEmpty()) {
        throw noBars(instrument, p);
      }
    }
    p.spec()
        .market()
        .benchmark()
        .ifPresent(
            b -> {
              if (history.range(b, p.timeframe(), p.from(), p.to(), 1).isEmpty()) {
                throw noBars(b, p);
              }
            });
  }

  BarSet load(Prepared p) {
    Timeframe timeframe = p.timeframe();
    Map<InstrumentId, List<Bar>> primary = new LinkedHashMap<>();
    List<Bar> extra = new ArrayList<>();
    List<Bar> warmUp = new ArrayList<>();
    for (InstrumentId instrument : p.instruments()) {
      primary.put(instrument, range(instrument, timeframe, p.from(), p.to()));
      for (Timeframe other : p.spec().strategy().descriptor().extraTimeframes()) {
        extra.addAll(range(instrument, other, p.from(), p.to()));
        if (p.warmUpBars() > 0) {
          warmUp.addAll(history.last(instrument, other, p.warmUpBars(), p.from()));
        }
      }
      if (p.warmUpBars() > 0) {
        warmUp.addAll(history.last(instrument, timeframe, p.warmUpBars(), p.from()));
      }
    }
    List<Bar> benchmark =
        p.spec()
            .market()
            .benchmark()
            .map(b -> range(b, timeframe, p.from(), p.to()))
            .orElse(List.of());
    return new BarSet(primary, extra, warmUp, benchmark);
  }

  private List<Bar> range(InstrumentId instrument, Timeframe timeframe, Instant from, Instant to) {
    List<Bar> bars = history.range(instrument, timeframe, from, to, maxBars + 1);
    if (bars.size() > maxBars) {
      throw new BacktestException.Invalid(
          "to",
          "the range holds more than "
              + maxBars
              + " "
              + timeframe.label()
              + " bars of "
              + instrument
              + "; narrow it or use a longer timeframe");
    }
    return bars;
  }

  private static BacktestException.NoBars noBars(InstrumentId instrument, Prepared p) {
    return new BacktestException.NoBars(
        "no "
            + p.timeframe().label()
            + " bars of "
            + instrument
            + " between "
            + p.from()
            + " and "
            + p.to()
            + "; import them (POST /api/v1/bars/import) or choose another range");
  }
}

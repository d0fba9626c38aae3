package com.sharewise.backtest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backtest trades and compares with.
 *
 * @param instruments the instruments the strategy instance is bound to, at least one
 * @param timeframe its primary timeframe: the bars replayed, one equity point per bar time
 * @param benchmark the instrument whose returns beta and alpha are measured against, if any
 */
public record Market(
    List<InstrumentId> instruments, Timeframe timeframe, Optional<InstrumentId> benchmark) {

  public Market {
    Objects.requireNonNull(timeframe, "timeframe");
    benchmark = benchmark == null ? Optional.empty() : benchmark;
    instruments = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(instruments)));
    if (instruments.isEmpty()) {
      throw new BacktestException.Invalid(
          "instruments", "a backtest needs at least one instrument");
    }
  }
}

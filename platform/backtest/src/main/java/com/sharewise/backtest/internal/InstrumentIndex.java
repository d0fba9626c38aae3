package com.sharewise.backtest.internal;

import com.sharewise.api.market.InstrumentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers a backtest's instruments 0, 1, 2… so per-bar state lives in arrays, not maps. The last
 * instrument looked up is remembered: bars of one instrument usually come in runs.
 */
public final class InstrumentIndex {

  private final List<InstrumentId> instruments;
  private final Map<InstrumentId, Integer> positions = new HashMap<>();
  private InstrumentId last;
  private int lastIndex = -1;

  public InstrumentIndex(List<InstrumentId> instruments) {
    this.instruments = List.copyOf(instruments);
    for (int i = 0; i < this.instruments.size(); i++) {
      positions.putIfAbsent(this.instruments.get(i), i);
    }
  }

  public int size() {
    return instruments.size();
  }

  public InstrumentId get(int i) {
    return instruments.get(i);
  }

  public List<InstrumentId> all() {
    return instruments;
  }

  /** The instrument's number, or -1 when it is not part of the backtest. */
  public int indexOf(InstrumentId instrument) {
    if (instrument == last) {
      return lastIndex;
    }
    Integer found = positions.get(instrument);
    last = instrument;
    lastIndex = found == null ? -1 : found;
    return lastIndex;
  }
}

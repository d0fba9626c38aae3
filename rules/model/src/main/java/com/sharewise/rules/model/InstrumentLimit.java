package com.sharewise.rules.model;

/**
 * A per-instrument override of {@link Limits#maxPositionQuantity()}, e.g. a tighter cap for an
 * illiquid stock.
 *
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param maxPositionQuantity the largest absolute net position allowed in it
 */
public record InstrumentLimit(String instrument, long maxPositionQuantity) {

  public InstrumentLimit {
    instrument = instrument == null ? "" : instrument;
  }
}

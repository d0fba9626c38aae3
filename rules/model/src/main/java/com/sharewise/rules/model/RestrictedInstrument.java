package com.sharewise.rules.model;

/**
 * An instrument nobody may trade (compliance list, corporate action, surveillance).
 *
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param reason why, shown to the trader
 */
public record RestrictedInstrument(String instrument, String reason) {

  public RestrictedInstrument {
    instrument = instrument == null ? "" : instrument;
    reason = reason == null ? "" : reason;
  }
}

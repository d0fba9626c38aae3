package com.sharewise.marketdata;

import com.sharewise.api.market.InstrumentId;

/** An instrument is not in the instrument master; the message names it. */
public class UnknownInstrumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String instrument;

  public UnknownInstrumentException(InstrumentId instrument) {
    this(instrument.toString());
  }

  public UnknownInstrumentException(String instrument) {
    super(
        "unknown instrument "
            + instrument
            + "; GET /api/v1/instruments?query= searches the instrument master");
    this.instrument = instrument;
  }

  /** The instrument as it was named. */
  public String instrument() {
    return instrument;
  }
}

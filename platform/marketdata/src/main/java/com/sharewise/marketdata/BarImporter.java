package com.sharewise.marketdata;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.io.Reader;
import java.time.Instant;

/** Imports bar history from CSV files in the contract's format. Thread-safe. */
public interface BarImporter {

  /**
   * Reads a whole CSV file ({@code timestamp,open,high,low,close,volume}) and stores its bars in
   * one transaction, replacing stored bars with the same open time.
   *
   * @throws UnknownInstrumentException when the instrument master does not know {@code instrument}
   * @throws CsvImportException listing every bad line; nothing is stored then
   */
  Result importCsv(InstrumentId instrument, Timeframe timeframe, Reader csv);

  /**
   * What an import stored.
   *
   * @param bars how many bars
   * @param first the earliest bar's open time
   * @param last the latest bar's open time
   */
  record Result(
      InstrumentId instrument, Timeframe timeframe, int bars, Instant first, Instant last) {}
}

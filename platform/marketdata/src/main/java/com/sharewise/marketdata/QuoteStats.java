package com.sharewise.marketdata;

import java.util.Map;

/**
 * Counters of one node's tick path since it started.
 *
 * @param accepted ticks taken as the newest quote of their instrument
 * @param droppedOutOfOrder ticks older (by exchange time) than the newest seen, dropped
 * @param outsideSession accepted ticks outside the trading session, which make no bars
 * @param lateForBar accepted ticks for a bar the timer had already closed, left out of it
 * @param instruments instruments with at least one tick on this node
 * @param gridFlushes batched writes of changed quotes to the grid
 * @param gridEntriesWritten quotes written to the grid (far fewer than ticks: conflated)
 * @param gridFlushFailures batched writes that failed (retried with the next flush)
 * @param droppedByInstrument out-of-order drops per instrument, for instruments with any
 */
public record QuoteStats(
    long accepted,
    long droppedOutOfOrder,
    long outsideSession,
    long lateForBar,
    int instruments,
    long gridFlushes,
    long gridEntriesWritten,
    long gridFlushFailures,
    Map<String, Long> droppedByInstrument) {

  public QuoteStats {
    droppedByInstrument = Map.copyOf(droppedByInstrument);
  }
}

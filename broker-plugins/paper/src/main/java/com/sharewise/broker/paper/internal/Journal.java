package com.sharewise.broker.paper.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where the adapter records each change of the book before applying it: the {@link OrderJournal}
 * file, or {@link #NONE} for a book kept only in memory. Not thread-safe: the adapter serialises
 * all calls.
 */
interface Journal extends Closeable {

  /**
   * A book nobody reopens (a backtest's, thrown away with its run): nothing is written, so a change
   * costs no formatting and no write.
   */
  Journal NONE =
      new Journal() {
        @Override
        public void append(List<OrderEvent> events) {}

        @Override
        public boolean isIntact() {
          return true;
        }

        @Override
        public void close() {}
      };

  /** Records {@code events} (see {@link OrderJournal#append}). */
  void append(List<OrderEvent> events) throws IOException;

  /** False once a failed append could not be undone. */
  boolean isIntact();
}

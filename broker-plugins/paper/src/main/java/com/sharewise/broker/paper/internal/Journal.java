package com.sharewise.broker.paper.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where the adapter records each change of the book before applying it: the {@link OrderJournal}
 * file, or {@link #NONE} for a book kept only in memory. {@link #append} is serialised by the
 * adapter; {@link #sync}, {@link #written} and {@link #durable} may be called from any thread.
 */
interface Journal extends Closeable {

  /**
   * A book nobody reopens (a backtest's, thrown away with its run): nothing is written, so a change
   * costs no formatting and no write.
   */
  Journal NONE =
      new Journal() {
        @Override
        public long append(List<OrderEvent> events) {
          return 0;
        }

        @Override
        public void sync(long position) {}

        @Override
        public long written() {
          return 0;
        }

        @Override
        public long durable() {
          return 0;
        }

        @Override
        public boolean forcesToDisk() {
          return false;
        }

        @Override
        public boolean isIntact() {
          return true;
        }

        @Override
        public void close() {}
      };

  /**
   * Records {@code events} (see {@link OrderJournal#append}).
   *
   * @return the position they end at, to {@link #sync}
   */
  long append(List<OrderEvent> events) throws IOException;

  /** Returns once everything before {@code position} is on disk (see {@link OrderJournal#sync}). */
  void sync(long position) throws IOException;

  /** The position everything appended so far ends at. */
  long written();

  /** The position up to which everything appended is on disk (or as durable as it gets). */
  long durable();

  /** Whether {@link #sync} may have to wait for a force: otherwise appends are final at once. */
  boolean forcesToDisk();

  /** False once a failed append could not be undone. */
  boolean isIntact();
}

package com.sharewise.marketdata;

/**
 * Where to listen for closed bars (strategies, live indicators, the WebSocket hub). Thread-safe.
 */
public interface BarEvents {

  /** Adds a listener for every bar closed from now on; close the handle to remove it. */
  Subscription subscribe(BarListener listener);

  /** A registered listener. */
  interface Subscription extends AutoCloseable {
    /** Removes the listener; idempotent. */
    @Override
    void close();
  }
}

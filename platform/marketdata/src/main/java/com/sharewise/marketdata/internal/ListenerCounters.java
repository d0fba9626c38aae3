package com.sharewise.marketdata.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the quote listeners have done since start, shared by all subscriptions. Thread-safe. */
final class ListenerCounters {

  /** Calls of a listener that returned normally. */
  final AtomicLong delivered = new AtomicLong();

  /** Calls of a listener that threw. */
  final AtomicLong failed = new AtomicLong();
}

package com.sharewise.orders.internal;

import java.util.ArrayDeque;

/**
 * Counts one account's orders over the last second and minute for the throttle rules. Thread-safe.
 */
public final class OrderRateCounter {

  private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();

  /** Counts an order sent at {@code millis}. */
  public synchronized void record(long millis) {
    lastMinute.addLast(millis);
    evict(millis);
  }

  /** Orders within the second before {@code millis}. */
  public synchronized int lastSecond(long millis) {
    evict(millis);
    int count = 0;
    var it = lastMinute.descendingIterator();
    while (it.hasNext() && it.next() > millis - 1000) {
      count++;
    }
    return count;
  }

  /** Orders within the minute before {@code millis}. */
  public synchronized int lastMinute(long millis) {
    evict(millis);
    return lastMinute.size();
  }

  private void evict(long millis) {
    while (!lastMinute.isEmpty() && lastMinute.peekFirst() <= millis - 60_000) {
      lastMinute.removeFirst();
    }
  }
}

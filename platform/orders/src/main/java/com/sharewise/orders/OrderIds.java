package com.sharewise.orders;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Makes order ids: 16 characters of Crockford base32 (digits and upper-case letters), so an id fits
 * every broker's tag field (Kite and SmartAPI allow 20). The first 9 characters are the millisecond
 * time, so ids sort by creation; the last 7 are a per-node random start plus a counter, so two
 * nodes practically never collide and one node never does.
 */
public final class OrderIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final AtomicLong counter;

  public OrderIds(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.counter = new AtomicLong(random.nextLong(1L << 34));
  }

  /** A new id. */
  public String next() {
    long millis = clock.millis();
    long tail = counter.getAndIncrement() & ((1L << 35) - 1);
    char[] id = new char[16];
    for (int i = 8; i >= 0; i--) {
      id[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = 15; i >= 9; i--) {
      id[i] = ALPHABET[(int) (tail & 31)];
      tail >>>= 5;
    }
    return new String(id);
  }
}

package com.sharewise.marketdata;

import java.time.Instant;
import java.util.List;

/**
 * One running feed as health and the API show it.
 *
 * @param name the feed's name, e.g. {@code simulator}
 * @param instruments what it is subscribed to
 * @param ticks ticks it delivered since it started
 * @param connected false after the feed reported a lost connection, until it reports recovery
 * @param detail the feed's last connection message, or empty
 * @param lastTickAt when (by the node's clock) a tick of it was last seen, or null
 * @param silent true when the market is open and it delivered nothing for longer than allowed
 */
public record FeedStatus(
    String name,
    List<String> instruments,
    long ticks,
    boolean connected,
    String detail,
    Instant lastTickAt,
    boolean silent) {

  public FeedStatus {
    instruments = List.copyOf(instruments);
  }

  /** Whether the feed works: connected and not silent. */
  public boolean up() {
    return connected && !silent;
  }
}

package com.sharewise.api.market;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link MarketDataFeed} delivers ticks. Implemented by the platform.
 *
 * <p>Thread-safe: a feed may call it from any of its threads, concurrently for different
 * instruments. Calls return quickly (the platform only enqueues); a feed must still never call it
 * while holding a lock that the platform could need.
 */
@ProviderType
public interface TickListener {

  /** A new tick. Ticks older than the last one seen for the instrument are dropped and counted. */
  void onTick(Tick tick);

  /**
   * The feed lost its source or recovered. The platform shows this in health and reconnects nothing
   * by itself: reconnecting is the feed's job.
   *
   * @param connected whether the feed is delivering again
   * @param detail a short human-readable reason, never containing credentials
   */
  default void onConnectionChanged(boolean connected, String detail) {}
}

package com.sharewise.api.market;

import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of live ticks: a broker's streaming API, the simulator, or a replay of stored data.
 *
 * <h2>Lifecycle</h2>
 *
 * <ol>
 *   <li>The platform calls {@link #start} once with the listener to deliver to;
 *   <li>then {@link #subscribe} and {@link #unsubscribe} any number of times, as traders and
 *       strategies need instruments;
 *   <li>then {@link #stop} once. After stop the feed delivers nothing more and releases its threads
 *       and sockets.
 * </ol>
 *
 * <h2>Threading</h2>
 *
 * The platform calls these methods from its own threads, never concurrently for one feed. Each must
 * return quickly (well under a second): open connections and run read loops on the feed's own
 * threads. A feed reports a lost connection through {@link TickListener#onConnectionChanged} and
 * reconnects by itself.
 */
@ConsumerType
public interface MarketDataFeed {

  /**
   * A short stable name shown in health and logs, e.g. {@code kite-ticker} or {@code simulator}.
   */
  String name();

  /** Begins delivering ticks for subscribed instruments to {@code listener}. */
  void start(TickListener listener) throws FeedException;

  /** Adds instruments; ticks for them flow from now on. Unknown instruments are reported. */
  void subscribe(Collection<InstrumentId> instruments) throws FeedException;

  /** Removes instruments; already queued ticks may still arrive. */
  void unsubscribe(Collection<InstrumentId> instruments) throws FeedException;

  /** Stops delivering and releases resources. Idempotent. */
  void stop();
}

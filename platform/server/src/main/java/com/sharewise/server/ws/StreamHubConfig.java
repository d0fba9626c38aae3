package com.sharewise.server.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link WebSocketHub}.
 *
 * @param fanOutThreads threads that write to clients and split large fan-outs
 * @param inlineFanOut a publish with at most this many subscribers queues the value for each of
 *     them on the publishing thread (cheap: no I/O); larger fan-outs are split across the fan-out
 *     threads
 * @param maxSubscriptionsPerClient a subscribe beyond this is refused with an error message
 * @param maxPendingKeys a client with more keys waiting to be sent than this …
 * @param maxLag … for longer than this is closed (code 1013) as a slow consumer
 * @param writeTimeout a client whose current write has not completed within this is closed (code
 *     1013) as a slow consumer
 * @param maxControlMessages replies (subscribed, error, pong) queued for a client; a client that
 *     keeps sending requests without reading the replies is closed (code 1008)
 * @param idleTimeout a connection with no traffic either way for this long is closed; clients send
 *     {@code {"action":"ping"}} to keep it open
 * @param maxIncomingMessageBytes requests longer than this close the connection (code 1009)
 * @param checkInterval how often slow consumers and connections with an expired token are looked
 *     for
 * @param closeGrace after a slow consumer was sent its close frame, how long to wait before the
 *     connection is cut (its close frame may be stuck behind unread data)
 */
public record StreamHubConfig(
    int fanOutThreads,
    int inlineFanOut,
    int maxSubscriptionsPerClient,
    int maxPendingKeys,
    Duration maxLag,
    Duration writeTimeout,
    int maxControlMessages,
    Duration idleTimeout,
    int maxIncomingMessageBytes,
    Duration checkInterval,
    Duration closeGrace) {

  public StreamHubConfig {
    Objects.requireNonNull(maxLag, "maxLag");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(closeGrace, "closeGrace");
    if (fanOutThreads < 1
        || inlineFanOut < 1
        || maxSubscriptionsPerClient < 1
        || maxPendingKeys < 1
        || maxControlMessages < 1
        || maxIncomingMessageBytes < 64) {
      throw new IllegalArgumentException("stream hub limits must be positive: " + this);
    }
  }

  /**
   * Defaults for a node: one fan-out thread per core (at least two), 1,000 subscriptions per
   * client, a client more than 256 keys behind for 10 s or with a write stuck for 10 s is dropped.
   */
  public static StreamHubConfig defaults() {
    return new StreamHubConfig(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        64,
        1_000,
        256,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        64,
        Duration.ofMinutes(5),
        4096,
        Duration.ofMillis(250),
        Duration.ofSeconds(2));
  }

  /** These settings with other slow-consumer limits (tests use short ones). */
  public StreamHubConfig withSlowConsumerLimits(
      int maxPendingKeys, Duration maxLag, Duration writeTimeout) {
    return new StreamHubConfig(
        fanOutThreads,
        inlineFanOut,
        maxSubscriptionsPerClient,
        maxPendingKeys,
        maxLag,
        writeTimeout,
        maxControlMessages,
        idleTimeout,
        maxIncomingMessageBytes,
        checkInterval,
        closeGrace);
  }
}

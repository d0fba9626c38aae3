package com.sharewise.server.ws;

/**
 * Pushes the latest values of named streams to WebSocket subscribers. A stream is a {@code
 * (channel, key)} pair such as {@code ("quotes", "NSE:INFY")} or {@code ("bars", "NSE:INFY|5m")}.
 *
 * <p>Thread-safe. Publishing never waits for a client: each client gets only the newest value per
 * key (older ones it has not yet been sent are replaced), and a client that stays behind is
 * disconnected (see {@link WebSocketHub}).
 */
public interface StreamHub {

  /**
   * Publishes the latest value of (channel, key); subscribers of that key get it, conflated per
   * client: a slow client only ever gets the newest value per key. Non-blocking; callable from any
   * thread; cheap when nobody listens.
   *
   * @param channel a registered channel name, e.g. {@code quotes}
   * @param key the canonical key within the channel, e.g. {@code NSE:INFY}
   * @param payload serialised to JSON (Jackson, ISO-8601 times) once per call, and sent as the
   *     {@code data} member of a {@code {"type":"data",…}} message
   * @throws IllegalArgumentException when the channel is not registered, or the payload cannot be
   *     serialised to JSON
   */
  void publish(String channel, String key, Object payload);

  /** True if any client subscribes to (channel, key). */
  boolean hasSubscribers(String channel, String key);
}

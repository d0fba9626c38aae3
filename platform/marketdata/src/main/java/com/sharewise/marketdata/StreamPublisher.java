package com.sharewise.marketdata;

/**
 * Where market data is pushed to streaming clients (the node adapts the WebSocket hub to this), so
 * the market-data code needs neither Jetty nor a running hub.
 *
 * <p>Same contract as the hub: {@link #publish} is non-blocking and callable from any thread, the
 * hub conflates per client and key; {@link #hasSubscribers} lets publishers skip building payloads.
 */
public interface StreamPublisher {

  /** Channel of quotes, keyed by instrument ({@code NSE:INFY}); payload a {@code QuoteDto}. */
  String QUOTES = "quotes";

  /** Channel of closed bars, keyed {@code NSE:INFY|1m}; payload a {@code BarDto}. */
  String BARS = "bars";

  /** Publishes the latest value of (channel, key). */
  void publish(String channel, String key, Object payload);

  /** Whether anyone subscribes to (channel, key). */
  boolean hasSubscribers(String channel, String key);

  /** A publisher with no subscribers (no hub in this process). */
  StreamPublisher NONE =
      new StreamPublisher() {
        @Override
        public void publish(String channel, String key, Object payload) {}

        @Override
        public boolean hasSubscribers(String channel, String key) {
          return false;
        }
      };

  /** The key of a bar stream: {@code NSE:INFY|1m}. */
  static String barKey(String instrument, String timeframe) {
    return instrument + "|" + timeframe;
  }
}

package com.sharewise.server.ws;

/**
 * Decides whether a connected user may subscribe to one key of one channel (for example, only the
 * owner of an account may follow its orders). Called for every subscribe request, on a WebSocket
 * thread, after the key was validated and made canonical; must be thread-safe and fast.
 *
 * <p>A refused subscription gets an error message on the socket; the connection stays open. The
 * default, {@link #allowAll()}, allows everything.
 */
@FunctionalInterface
public interface SubscriptionAuthorizer {

  /** True if {@code user} may receive (channel, key). */
  boolean mayReceive(StreamUser user, String channel, String key);

  /** Allows every subscription. */
  static SubscriptionAuthorizer allowAll() {
    return (user, channel, key) -> true;
  }
}

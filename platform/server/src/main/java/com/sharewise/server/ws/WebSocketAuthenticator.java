package com.sharewise.server.ws;

import java.util.Optional;

/**
 * Decides at the WebSocket handshake who the client is. Called once per connection attempt, on an
 * HTTP thread, before the upgrade; must be thread-safe and should not block for long.
 *
 * <p>Returning empty refuses the upgrade with HTTP 401. Throwing refuses it with HTTP 500 (and is
 * logged). The default, {@link #anonymous()}, lets everyone in as {@link StreamUser#ANONYMOUS}.
 */
@FunctionalInterface
public interface WebSocketAuthenticator {

  /** The user the request authenticates, or empty to refuse the connection. */
  Optional<StreamUser> authenticate(HandshakeRequest request);

  /** Accepts every connection as {@link StreamUser#ANONYMOUS}. */
  static WebSocketAuthenticator anonymous() {
    return request -> Optional.of(StreamUser.ANONYMOUS);
  }
}

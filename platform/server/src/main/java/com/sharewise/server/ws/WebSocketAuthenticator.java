package com.sharewise.server.ws;

import java.util.Optional;

/**
 * Decides at the WebSocket handshake who the client is. Called once per connection attempt, on an
 * HTTP thread, before the upgrade; must be thread-safe and should not block for long.
 *
 * <p>Returning empty refuses the upgrade with HTTP 401. Throwing refuses it with HTTP 500 (and is
 * logged). The default, {@link #anonymous()}, lets everyone in as {@link StreamUser#ANONYMOUS}.
 *
 * <p>A user with an {@link StreamUser#expiresAt() expiry} is disconnected then (close code {@value
 * WebSocketHub#TOKEN_EXPIRED}) unless the client extends the connection by sending a fresh token
 * ({@code {"action":"auth","token":…}}), which {@link #reauthenticate} checks.
 */
@FunctionalInterface
public interface WebSocketAuthenticator {

  /** The user the request authenticates, or empty to refuse the connection. */
  Optional<StreamUser> authenticate(HandshakeRequest request);

  /**
   * Checks a fresh token a connected client sent to extend its connection. Called on the
   * connection's thread; must be thread-safe.
   *
   * @param current who the connection is for now
   * @param token the token the client sent
   * @return the user the token authenticates now (roles and expiry as of now), or empty when the
   *     token is not accepted. The hub refuses a token for another user whatever this returns.
   */
  default Optional<StreamUser> reauthenticate(StreamUser current, String token) {
    return Optional.empty();
  }

  /** Accepts every connection as {@link StreamUser#ANONYMOUS}. */
  static WebSocketAuthenticator anonymous() {
    return request -> Optional.of(StreamUser.ANONYMOUS);
  }
}

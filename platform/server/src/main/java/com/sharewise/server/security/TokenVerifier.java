package com.sharewise.server.security;

/**
 * Turns a bearer access token into the user it was issued to. The security area implements it; the
 * HTTP layer calls it for every request that carries {@code Authorization: Bearer …} and for
 * WebSocket handshakes. Implementations are thread-safe and answer without blocking for long.
 */
@FunctionalInterface
public interface TokenVerifier {

  /** A verifier that accepts no token: only public endpoints can be used. */
  TokenVerifier NONE =
      token -> {
        throw new InvalidTokenException("this node does not accept access tokens");
      };

  /**
   * @param token the compact token, without the {@code Bearer } prefix
   * @return the user, with the roles they hold now
   * @throws InvalidTokenException if the token is malformed, tampered with, signed with another
   *     algorithm or an unknown key, expired, or its session was revoked
   */
  AuthenticatedUser verify(String token);
}

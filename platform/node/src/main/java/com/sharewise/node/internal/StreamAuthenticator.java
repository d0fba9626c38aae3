package com.sharewise.node.internal;

import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.InvalidTokenException;
import com.sharewise.server.security.TokenVerifier;
import com.sharewise.server.ws.HandshakeRequest;
import com.sharewise.server.ws.StreamUser;
import com.sharewise.server.ws.WebSocketAuthenticator;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket handshakes: the access token comes as the {@code access_token} query parameter
 * (browsers cannot set headers on a WebSocket; an {@code Authorization: Bearer} header is accepted
 * too, for other clients), and a browser's {@code Origin} must be the node's own origin or one on
 * the CORS allow-list, so another site's page cannot open a socket with a user's token. A
 * connection lasts until its token expires; the client extends it by sending a fresh token over the
 * socket, verified here like any bearer token (signature, expiry, open session, enabled user, roles
 * as of now).
 */
final class StreamAuthenticator implements WebSocketAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(StreamAuthenticator.class);

  private final TokenVerifier verifier;
  private final Set<String> allowedOrigins;

  StreamAuthenticator(TokenVerifier verifier, List<String> allowedOrigins) {
    this.verifier = verifier;
    this.allowedOrigins = Set.copyOf(allowedOrigins);
  }

  @Override
  public Optional<StreamUser> authenticate(HandshakeRequest request) {
    String origin = request.header("Origin");
    if (origin != null && !allowedOrigins.contains(origin) && !sameOrigin(origin, request)) {
      LOG.atWarn()
          .addKeyValue("origin", origin)
          .addKeyValue("remote", request.remoteAddress())
          .log("WebSocket refused: origin not allowed");
      return Optional.empty();
    }
    String token = request.queryParameter("access_token");
    String header = request.header("Authorization");
    if (token == null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).trim();
    }
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return verify(token);
  }

  @Override
  public Optional<StreamUser> reauthenticate(StreamUser current, String token) {
    return verify(token);
  }

  private Optional<StreamUser> verify(String token) {
    try {
      AuthenticatedUser user = verifier.verify(token);
      return Optional.of(StreamUser.of(user.username(), user.roles(), user.expiresAt()));
    } catch (InvalidTokenException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code origin} names the host the request was sent to. */
  static boolean sameOrigin(String origin, HandshakeRequest request) {
    String host = request.header("Host");
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return web && authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

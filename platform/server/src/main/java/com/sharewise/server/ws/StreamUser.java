package com.sharewise.server.ws;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is at the other end of a WebSocket connection, as established at the handshake by the {@link
 * WebSocketAuthenticator} (or later, by a fresh token the client sent over the socket).
 *
 * @param name the user name ({@code anonymous} for {@link #ANONYMOUS})
 * @param roles role names (see {@code com.sharewise.server.Roles})
 * @param authenticated false only for {@link #ANONYMOUS}
 * @param expiresAt when the credential the connection rests on (the access token) expires: the hub
 *     closes the connection then unless the client sent a fresh token; null when it never expires
 */
public record StreamUser(String name, Set<String> roles, boolean authenticated, Instant expiresAt)
    implements Principal {

  /** The user of a connection no authenticator vouched for. */
  public static final StreamUser ANONYMOUS = new StreamUser("anonymous", Set.of(), false, null);

  public StreamUser {
    Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
  }

  /** A user whose connection does not expire. */
  public StreamUser(String name, Set<String> roles, boolean authenticated) {
    this(name, roles, authenticated, null);
  }

  /** An authenticated user whose connection does not expire. */
  public static StreamUser of(String name, Set<String> roles) {
    return new StreamUser(name, roles, true, null);
  }

  /** An authenticated user whose connection lasts until {@code expiresAt}. */
  public static StreamUser of(String name, Set<String> roles, Instant expiresAt) {
    return new StreamUser(name, roles, true, Objects.requireNonNull(expiresAt, "expiresAt"));
  }

  @Override
  public String getName() {
    return name;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether the connection's credential has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}

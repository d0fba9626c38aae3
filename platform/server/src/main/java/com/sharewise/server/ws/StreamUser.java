package com.sharewise.server.ws;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * Who is at the other end of a WebSocket connection, as established at the handshake by the {@link
 * WebSocketAuthenticator}.
 *
 * @param name the user name ({@code anonymous} for {@link #ANONYMOUS})
 * @param roles role names (see {@code com.sharewise.server.Roles})
 * @param authenticated false only for {@link #ANONYMOUS}
 */
public record StreamUser(String name, Set<String> roles, boolean authenticated)
    implements Principal {

  /** The user of a connection no authenticator vouched for. */
  public static final StreamUser ANONYMOUS = new StreamUser("anonymous", Set.of(), false);

  public StreamUser {
    Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
  }

  /** An authenticated user. */
  public static StreamUser of(String name, Set<String> roles) {
    return new StreamUser(name, roles, true);
  }

  @Override
  public String getName() {
    return name;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}

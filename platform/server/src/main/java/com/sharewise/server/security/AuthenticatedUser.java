package com.sharewise.server.security;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The user a request acts for, as established from its access token. Resources read it from {@code
 * SecurityContext.getUserPrincipal()}.
 *
 * @param userId the user's id in the store
 * @param username the user name (also {@link #getName()})
 * @param roles the roles the user holds now ({@link com.sharewise.server.Roles} names)
 * @param sessionId the login session (refresh-token family) the token belongs to
 * @param expiresAt when the access token stops being accepted
 */
public record AuthenticatedUser(
    long userId, String username, Set<String> roles, String sessionId, Instant expiresAt)
    implements Principal {

  public AuthenticatedUser {
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String getName() {
    return username;
  }

  /** Whether the user holds {@code role}. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}

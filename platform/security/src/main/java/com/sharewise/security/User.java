package com.sharewise.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as stored (without the password hash or TOTP secret, which never leave {@link Users}).
 *
 * @param id the user's id
 * @param username unique login name
 * @param roles role names ({@link com.sharewise.server.Roles})
 * @param enabled whether the user may log in
 * @param totpEnabled whether login needs a one-time code
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record User(
    long id,
    String username,
    Set<String> roles,
    boolean enabled,
    boolean totpEnabled,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    roles = Set.copyOf(roles);
  }
}

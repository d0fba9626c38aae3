package com.sharewise.security.rest;

import com.sharewise.security.User;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A user as the API shows it: never the password hash or TOTP secret.
 *
 * @param username login name
 * @param roles roles held, sorted
 * @param enabled whether the user may log in
 * @param totpEnabled whether login needs a one-time code
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record UserDto(
    String username,
    List<String> roles,
    boolean enabled,
    boolean totpEnabled,
    Instant createdAt,
    Instant updatedAt) {

  static UserDto from(User user) {
    return new UserDto(
        user.username(),
        List.copyOf(new TreeSet<>(user.roles())),
        user.enabled(),
        user.totpEnabled(),
        user.createdAt(),
        user.updatedAt());
  }
}

package com.sharewise.rules.rest;

import com.sharewise.server.security.AccessControlFeature;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.InvalidTokenException;
import java.time.Instant;
import java.util.Set;

/**
 * Test authentication through the platform's real access control: the bearer token {@code
 * asha;RISK_OFFICER,ADMIN} stands for user asha with those roles (the security area's real tokens
 * are tested there).
 */
final class TestUsers {

  static AccessControlFeature feature() {
    return new AccessControlFeature(
        token -> {
          String[] parts = token.split(";", 2);
          if (parts[0].isBlank()) {
            throw new InvalidTokenException("empty test token");
          }
          Set<String> roles = parts.length > 1 ? Set.of(parts[1].split(",")) : Set.of();
          return new AuthenticatedUser(1, parts[0], roles, "test", Instant.now().plusSeconds(3600));
        });
  }

  private TestUsers() {}
}

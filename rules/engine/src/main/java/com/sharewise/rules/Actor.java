package com.sharewise.rules;

import java.util.Set;

/**
 * Who asks for a rule-set operation: the user's name and roles, as the security layer established
 * them ({@code com.sharewise.server.Roles} names).
 */
public record Actor(String name, Set<String> roles) {

  public Actor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }
}

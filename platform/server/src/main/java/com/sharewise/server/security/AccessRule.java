package com.sharewise.server.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Who may call a resource method, read from its annotations the way Jakarta Security reads them:
 * the method's own {@code @DenyAll}, {@code @PermitAll} or {@code @RolesAllowed} wins over the
 * class's. A method with none of them, on itself or its class, is {@link Kind#UNDECLARED} and
 * denied to everyone (fail closed).
 *
 * @param kind what the annotations say
 * @param roles the roles allowed, for {@link Kind#ROLES}
 */
public record AccessRule(Kind kind, Set<String> roles) {

  /** The kinds of rule. */
  public enum Kind {
    /** {@code @PermitAll}: anyone, with or without a token. */
    PUBLIC,
    /** {@code @RolesAllowed}: a valid token whose user holds one of the roles. */
    ROLES,
    /** {@code @DenyAll}: nobody. */
    DENIED,
    /** No annotation at all: nobody, and the endpoint is reported as a mistake. */
    UNDECLARED
  }

  public AccessRule {
    roles = Set.copyOf(roles);
  }

  /** The rule for {@code method} of {@code resourceClass}. */
  public static AccessRule of(Class<?> resourceClass, Method method) {
    AccessRule own =
        declared(
            method.getAnnotation(DenyAll.class) != null,
            method.getAnnotation(PermitAll.class) != null,
            method.getAnnotation(RolesAllowed.class));
    if (own != null) {
      return own;
    }
    AccessRule inherited =
        declared(
            resourceClass.getAnnotation(DenyAll.class) != null,
            resourceClass.getAnnotation(PermitAll.class) != null,
            resourceClass.getAnnotation(RolesAllowed.class));
    return inherited != null ? inherited : new AccessRule(Kind.UNDECLARED, Set.of());
  }

  private static AccessRule declared(boolean deny, boolean permit, RolesAllowed roles) {
    if (deny) {
      return new AccessRule(Kind.DENIED, Set.of());
    }
    if (roles != null) {
      return new AccessRule(Kind.ROLES, Set.of(roles.value()));
    }
    if (permit) {
      return new AccessRule(Kind.PUBLIC, Set.of());
    }
    return null;
  }

  /** Whether a request needs a valid token to pass. */
  public boolean needsToken() {
    return kind == Kind.ROLES;
  }
}

package com.sharewise.server.security;

import com.sharewise.server.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Authentication for every resource method, and the fail-closed default.
 *
 * <p>For each method it installs a filter that reads {@code Authorization: Bearer <token>}, asks
 * the {@link TokenVerifier}, and sets the request's {@link SecurityContext} (principal {@link
 * AuthenticatedUser}, roles). A method that needs roles and has no valid token is answered 401; a
 * method with no security annotation is answered 403 to everyone (and logged at start-up). The role
 * check itself ({@code @RolesAllowed} → 403) is Jersey's {@link RolesAllowedDynamicFeature}, which
 * the API application registers beside this feature. On {@code @PermitAll} methods a valid token
 * still sets the principal; an invalid one is ignored, so a stale token never locks a client out of
 * login.
 *
 * <p>Thread-safe: filters hold only the verifier and the method's rule.
 */
public final class AccessControlFeature implements DynamicFeature {

  /** The logging context key holding the authenticated user name. */
  public static final String MDC_USER = "user";

  private static final Logger LOG = LoggerFactory.getLogger(AccessControlFeature.class);
  private static final String BEARER = "Bearer ";

  private final TokenVerifier verifier;

  public AccessControlFeature(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    AccessRule rule =
        AccessRule.of(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    // Jersey adds OPTIONS handlers of its own to every resource; they are denied like any
    // undeclared method, but only our own resources' gaps are worth a warning.
    boolean ours = !resourceInfo.getResourceClass().getName().startsWith("org.glassfish.jersey.");
    if (rule.kind() == AccessRule.Kind.UNDECLARED && ours) {
      LOG.atWarn()
          .addKeyValue("resource", resourceInfo.getResourceClass().getName())
          .addKeyValue("method", resourceInfo.getResourceMethod().getName())
          .log("endpoint has no @RolesAllowed or @PermitAll; it is denied to everyone");
    }
    context.register(new AuthenticationFilter(verifier, rule));
  }

  /** Reads the bearer token and applies the method's rule. */
  @Priority(Priorities.AUTHENTICATION)
  static final class AuthenticationFilter implements ContainerRequestFilter {
    private final TokenVerifier verifier;
    private final AccessRule rule;

    AuthenticationFilter(TokenVerifier verifier, AccessRule rule) {
      this.verifier = verifier;
      this.rule = rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      String token = bearerToken(request.getHeaderString("Authorization"));
      AuthenticatedUser user = null;
      if (token != null) {
        try {
          user = verifier.verify(token);
        } catch (InvalidTokenException e) {
          if (rule.needsToken()) {
            throw ApiException.unauthorized(e.getMessage());
          }
        }
      }
      if (user != null) {
        MDC.put(MDC_USER, user.username());
        request.setSecurityContext(
            new UserSecurityContext(user, request.getSecurityContext().isSecure()));
      }
      switch (rule.kind()) {
        case PUBLIC -> {
          // anyone
        }
        case ROLES -> {
          if (user == null) {
            throw ApiException.unauthorized(
                token == null
                    ? "this endpoint needs an access token: log in at POST /api/v1/auth/login"
                        + " and send Authorization: Bearer <accessToken>"
                    : "the access token was not accepted");
          }
        }
        case DENIED -> throw ApiException.forbidden("this endpoint is closed to everyone");
        case UNDECLARED ->
            throw ApiException.forbidden(
                "this endpoint declares no access rule, so it is denied (fail closed)");
        default -> throw new IllegalStateException("unknown rule " + rule.kind());
      }
    }

    private static String bearerToken(String header) {
      if (header == null
          || header.length() <= BEARER.length()
          || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return null;
      }
      String token = header.substring(BEARER.length()).trim();
      return token.isEmpty() ? null : token;
    }
  }

  /** The security context of a request with a valid token. */
  record UserSecurityContext(AuthenticatedUser user, boolean secure) implements SecurityContext {
    @Override
    public AuthenticatedUser getUserPrincipal() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.hasRole(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}

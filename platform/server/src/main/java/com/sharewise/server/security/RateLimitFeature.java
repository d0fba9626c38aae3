package com.sharewise.server.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.security.Principal;
import java.util.Objects;

/**
 * Applies {@link RateLimited} limits: per client address always, and per user when the request is
 * authenticated. Runs after authentication and before the role check, so a flood of calls with a
 * valid token is limited too. An annotation naming a limit the limiter does not know stops the
 * application from starting.
 */
public final class RateLimitFeature implements DynamicFeature {

  private final RateLimiter limiter;

  public RateLimitFeature(RateLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    RateLimited limited = resourceInfo.getResourceMethod().getAnnotation(RateLimited.class);
    if (limited == null) {
      limited = resourceInfo.getResourceClass().getAnnotation(RateLimited.class);
    }
    if (limited == null) {
      return;
    }
    if (!limiter.knows(limited.value())) {
      throw new IllegalStateException(
          resourceInfo.getResourceClass().getName()
              + "."
              + resourceInfo.getResourceMethod().getName()
              + " names rate limit '"
              + limited.value()
              + "', which is not configured");
    }
    context.register(new Filter(limiter, limited.value()));
  }

  /** Counts the call against the address's and the user's buckets. */
  @Priority(Priorities.AUTHENTICATION + 100)
  static final class Filter implements ContainerRequestFilter {
    private final RateLimiter limiter;
    private final String limit;
    @Context private HttpServletRequest servletRequest;

    Filter(RateLimiter limiter, String limit) {
      this.limiter = limiter;
      this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      limiter.checkAddress(
          limit, servletRequest == null ? "unknown" : servletRequest.getRemoteAddr());
      Principal user = request.getSecurityContext().getUserPrincipal();
      if (user != null) {
        limiter.checkUser(limit, user.getName());
      }
    }
  }
}

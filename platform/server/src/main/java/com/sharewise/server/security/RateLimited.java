package com.sharewise.server.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method (or every method of a class) under a named rate limit of the {@link
 * RateLimiter}: each client address, and each authenticated user, may make so many calls per
 * window; beyond that the call is answered 429 with {@code Retry-After}. The name must be
 * configured in the node's limiter, or the application refuses to start (fail closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

  /** The limit's name, e.g. {@code login} or {@code orders}. */
  String value();
}

package com.sharewise.server.security;

import java.time.Duration;
import java.util.Objects;

/**
 * One named limit: at most {@code perAddress} calls from one client address and at most {@code
 * perUser} calls for one user in any {@code window} (token buckets refilled evenly over the window,
 * so a client that waits gets capacity back gradually).
 *
 * @param name the name used in {@link RateLimited}
 * @param perAddress calls per window per client address
 * @param perUser calls per window per user (the authenticated user, or the user name tried at
 *     login)
 * @param window the window
 */
public record RateLimit(String name, long perAddress, long perUser, Duration window) {
  public RateLimit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    if (perAddress < 1 || perUser < 1) {
      throw new IllegalArgumentException("rate limit " + name + " must allow at least 1 call");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit " + name + " needs a positive window");
    }
  }
}

package com.sharewise.server.security;

import com.sharewise.server.ApiException;

/** A rate limit was exceeded; answered with 429 and a {@code Retry-After} header. */
public class TooManyRequestsException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyRequestsException(String detail, long retryAfterSeconds) {
    super(429, "Too many requests", detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whole seconds the client should wait before trying again (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

package com.sharewise.security;

import java.time.Duration;

/**
 * The security area's settings.
 *
 * @param accessTokenTtl lifetime of an access token (at most 15 minutes)
 * @param refreshTokenTtl lifetime of one refresh token
 * @param sessionTtl longest a login session lasts, however often it is refreshed
 * @param signingKeyRotation age at which a new token-signing key takes over
 * @param totpIssuer the issuer name authenticator apps show
 */
public record SecuritySettings(
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration sessionTtl,
    Duration signingKeyRotation,
    String totpIssuer) {

  /** The defaults: 15 min, 12 h, 7 days, 30 days, "ShareWise". */
  public static SecuritySettings defaults() {
    return new SecuritySettings(
        Duration.ofMinutes(15),
        Duration.ofHours(12),
        Duration.ofDays(7),
        Duration.ofDays(30),
        "ShareWise");
  }
}

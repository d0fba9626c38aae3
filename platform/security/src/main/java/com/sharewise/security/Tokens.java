package com.sharewise.security;

import java.time.Instant;

/**
 * What a login or refresh hands out.
 *
 * @param accessToken the signed access token (JWT)
 * @param accessExpiresAt when it expires
 * @param refreshToken the single-use refresh token
 * @param refreshExpiresAt when the refresh token expires
 * @param sessionId the login session (refresh-token family)
 */
public record Tokens(
    String accessToken,
    Instant accessExpiresAt,
    String refreshToken,
    Instant refreshExpiresAt,
    String sessionId) {}

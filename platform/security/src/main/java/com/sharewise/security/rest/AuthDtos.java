package com.sharewise.security.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Wire types of {@code /api/v1/auth}. */
final class AuthDtos {
  private AuthDtos() {}

  /** {@code POST /auth/login}. */
  record LoginRequest(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 200) String password,
      @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code from your authenticator app")
          String totp) {}

  /** What login and refresh answer. */
  record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {}

  /** {@code POST /auth/refresh}. */
  record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

  /**
   * {@code POST /auth/logout}: the refresh token of the session to end (optional with a bearer).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LogoutRequest(@Size(max = 200) String refreshToken) {}

  /** {@code POST /auth/password}. */
  record PasswordChange(
      @NotBlank @Size(max = 200) String currentPassword,
      @NotBlank @Size(min = 10, max = 200) String newPassword) {}

  /** A one-time code. */
  record CodeRequest(
      @NotBlank
          @Pattern(
              regexp = "\\d{6}",
              message = "must be the 6-digit code from your authenticator app")
          String code) {}

  /** A TOTP enrolment: the secret for manual entry and the URI for a QR code. */
  record TotpEnrolmentDto(String secret, String provisioningUri) {}

  /** A new signing key. */
  record SigningKeyDto(String kid) {}
}

package com.sharewise.security.rest;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.security.LoginFailedException;
import com.sharewise.security.Security;
import com.sharewise.security.Tokens;
import com.sharewise.security.User;
import com.sharewise.security.UserException;
import com.sharewise.security.rest.AuthDtos.CodeRequest;
import com.sharewise.security.rest.AuthDtos.LoginRequest;
import com.sharewise.security.rest.AuthDtos.LogoutRequest;
import com.sharewise.security.rest.AuthDtos.PasswordChange;
import com.sharewise.security.rest.AuthDtos.RefreshRequest;
import com.sharewise.security.rest.AuthDtos.SigningKeyDto;
import com.sharewise.security.rest.AuthDtos.TokenResponse;
import com.sharewise.security.rest.AuthDtos.TotpEnrolmentDto;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.RateLimited;
import com.sharewise.server.security.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/auth}: log in, refresh, log out, the caller's own profile and password, and TOTP
 * enrolment. Login is rate-limited per client address and per user name ({@code login} limit).
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

  /** The rate limit login counts against. */
  public static final String LOGIN_LIMIT = "login";

  private final Security security;
  private final RateLimiter limiter;
  private final AuditTrail audit;
  private final Clock clock;

  @Context private HttpServletRequest servletRequest;

  public AuthResource(Security security, RateLimiter limiter, AuditTrail audit, Clock clock) {
    this.security = security;
    this.limiter = limiter;
    this.audit = audit;
    this.clock = clock;
  }

  /** Exchanges a user name, password and (when enrolled) a one-time code for tokens. */
  @POST
  @Path("login")
  @PermitAll
  @RateLimited(LOGIN_LIMIT)
  public TokenResponse login(@NotNull @Valid LoginRequest request) {
    limiter.checkUser(LOGIN_LIMIT, request.username().toLowerCase(Locale.ROOT));
    try {
      return response(
          security
              .sessions()
              .login(request.username(), request.password(), request.totp(), address()));
    } catch (LoginFailedException e) {
      throw Rest.toApi(e);
    }
  }

  /** Spends a refresh token for a new pair; a reused one ends its session. */
  @POST
  @Path("refresh")
  @PermitAll
  public TokenResponse refresh(@NotNull @Valid RefreshRequest request) {
    try {
      return response(security.sessions().refresh(request.refreshToken(), address()));
    } catch (LoginFailedException e) {
      throw Rest.toApi(e);
    }
  }

  /**
   * Ends the session of the bearer token, or of the refresh token in the body. Always 204, so it
   * cannot be used to probe tokens.
   */
  @POST
  @Path("logout")
  @PermitAll
  public Response logout(@Valid LogoutRequest request, @Context SecurityContext caller) {
    if (caller.getUserPrincipal() instanceof AuthenticatedUser user) {
      security.sessions().logout(user.sessionId(), user.username());
    } else if (request != null && request.refreshToken() != null) {
      security
          .sessions()
          .sessionOf(request.refreshToken())
          .ifPresent(session -> security.sessions().logout(session, AuditRecord.SYSTEM));
    }
    return Response.noContent().build();
  }

  /** The caller's own user. */
  @GET
  @Path("me")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public UserDto me(@Context SecurityContext caller) {
    return UserDto.from(self(caller));
  }

  /** Changes the caller's own password. */
  @POST
  @Path("password")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @RateLimited(LOGIN_LIMIT)
  public Response changePassword(
      @NotNull @Valid PasswordChange request, @Context SecurityContext caller) {
    AuthenticatedUser user = Rest.caller(caller);
    try {
      if (!security
          .users()
          .changeOwnPassword(user.username(), request.currentPassword(), request.newPassword())) {
        throw ApiException.badRequest("the current password is wrong");
      }
    } catch (UserException e) {
      throw Rest.toApi(e);
    }
    return Response.noContent().build();
  }

  /** Starts TOTP enrolment: returns the secret and the otpauth:// URI for an authenticator app. */
  @POST
  @Path("totp/enroll")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public TotpEnrolmentDto enroll(@Context SecurityContext caller) {
    try {
      var enrolment = security.twoFactor().enroll(self(caller));
      return new TotpEnrolmentDto(enrolment.secret(), enrolment.provisioningUri());
    } catch (UserException e) {
      throw Rest.toApi(e);
    }
  }

  /** Confirms enrolment with a first code; from then on login needs a code. */
  @POST
  @Path("totp/confirm")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @RateLimited(LOGIN_LIMIT)
  public Response confirm(@NotNull @Valid CodeRequest request, @Context SecurityContext caller) {
    if (!security.twoFactor().confirm(self(caller), request.code())) {
      throw ApiException.badRequest(
          "the code does not match (or no enrolment is pending): check the device's clock");
    }
    return Response.noContent().build();
  }

  /** Turns TOTP off, proven with a current code. */
  @POST
  @Path("totp/disable")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @RateLimited(LOGIN_LIMIT)
  public Response disable(@NotNull @Valid CodeRequest request, @Context SecurityContext caller) {
    if (!security.twoFactor().disable(self(caller), request.code())) {
      throw ApiException.badRequest("the code does not match, or two-factor is not on");
    }
    return Response.noContent().build();
  }

  /** Starts a new token-signing key at once (after a suspected compromise of the old one). */
  @POST
  @Path("keys/rotate")
  @RolesAllowed(Roles.ADMIN)
  public SigningKeyDto rotateSigningKey(@Context SecurityContext caller) {
    String kid = security.rotateSigningKey();
    audit.append(
        new AuditRecord(
            Rest.caller(caller).username(), "SIGNING_KEY_ROTATED", "signing_key", kid, Map.of()));
    return new SigningKeyDto(kid);
  }

  private User self(SecurityContext caller) {
    AuthenticatedUser user = Rest.caller(caller);
    return security
        .users()
        .find(user.userId())
        .orElseThrow(() -> ApiException.unauthorized("your user no longer exists"));
  }

  private TokenResponse response(Tokens tokens) {
    long expiresIn =
        Math.max(0, Duration.between(clock.instant(), tokens.accessExpiresAt()).toSeconds());
    return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), expiresIn, "Bearer");
  }

  private String address() {
    return servletRequest == null ? null : servletRequest.getRemoteAddr();
  }
}

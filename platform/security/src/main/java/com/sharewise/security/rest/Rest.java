package com.sharewise.security.rest;

import com.sharewise.security.LoginFailedException;
import com.sharewise.security.UserException;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** What the security resources share: error mapping and the caller. */
final class Rest {

  /** Every role: any logged-in user. */
  static final String[] ANY_ROLE = {Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN};

  private Rest() {}

  static ApiException toApi(UserException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> ApiException.notFound(e.getMessage());
      case ALREADY_EXISTS, CONFLICT -> ApiException.conflict(e.getMessage());
      case INVALID -> ApiException.badRequest(e.getMessage());
    };
  }

  static ApiException toApi(LoginFailedException e) {
    Map<String, Object> errors =
        e.reason() == LoginFailedException.Reason.TOTP_REQUIRED ? Map.of("totp", "required") : null;
    return new ApiException(401, "Unauthorized", e.getMessage(), errors, null);
  }

  static AuthenticatedUser caller(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user) {
      return user;
    }
    throw ApiException.unauthorized("log in first");
  }
}

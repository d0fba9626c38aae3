package com.sharewise.security;

/**
 * A login or refresh was refused. The message is safe to show the client: it never says whether the
 * user name or the password was wrong.
 */
public class LoginFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Unknown user, wrong password or wrong one-time code. */
    BAD_CREDENTIALS,
    /** The password was right; the user must also send a one-time code. */
    TOTP_REQUIRED,
    /** The user is disabled. */
    DISABLED,
    /** The refresh token is unknown, spent, expired or its session ended. */
    BAD_REFRESH_TOKEN
  }

  private final Reason reason;

  public LoginFailedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

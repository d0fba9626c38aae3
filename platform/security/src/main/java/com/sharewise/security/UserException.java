package com.sharewise.security;

/** A user operation was refused; {@link #reason()} says which way, the message says why. */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an operation was refused. */
  public enum Reason {
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID,
    CONFLICT
  }

  private final Reason reason;

  public UserException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package com.sharewise.security;

/**
 * The security area cannot work as configured (wrong master key, unreadable key store…); the
 * message tells the operator what to do.
 */
public class SecurityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecurityException(String message) {
    super(message);
  }

  public SecurityException(String message, Throwable cause) {
    super(message, cause);
  }
}

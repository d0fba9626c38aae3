package com.sharewise.api.market;

/** A feed could not do what was asked; the message says what and why, without credentials. */
public class FeedException extends Exception {
  private static final long serialVersionUID = 1L;

  public FeedException(String message) {
    super(message);
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package com.sharewise.store;

/**
 * The one failure type of the store: the database could not be started, reached, migrated or
 * queried.
 *
 * <p>Messages are written for operators and say what was attempted and where (JDBC URL, user, data
 * directory). They never contain a password: URLs are shown with {@code password=****}.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, with context
   */
  public StoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed, with context
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

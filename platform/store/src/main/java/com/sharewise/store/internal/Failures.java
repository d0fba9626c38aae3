package com.sharewise.store.internal;

import com.sharewise.store.StoreException;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** Builds {@link StoreException}s whose messages carry context but never a password. */
public final class Failures {
  private Failures() {}

  /**
   * @param url the JDBC URL that was tried
   * @param user the user, may be null
   * @param password the password, may be null; scrubbed from the message if it appears
   * @param cause what the driver or pool threw
   * @return "cannot connect to PostgreSQL at URL as user 'U': reason"
   */
  public static StoreException cannotConnect(
      String url, String user, String password, Throwable cause) {
    return new StoreException(
        "cannot connect to PostgreSQL at "
            + JdbcUrls.redact(url)
            + " as "
            + describeUser(user)
            + ": "
            + reason(cause, password),
        cause);
  }

  /**
   * @param url the JDBC URL of the database being migrated
   * @param password the password, may be null; scrubbed from the message if it appears
   * @param cause what Flyway threw
   * @return "cannot migrate the database schema at URL: reason"
   */
  public static StoreException cannotMigrate(String url, String password, Throwable cause) {
    return new StoreException(
        "cannot migrate the database schema at "
            + JdbcUrls.redact(url)
            + ": "
            + reason(cause, password),
        cause);
  }

  /**
   * @param directory the PostgreSQL data directory
   * @param cause what went wrong
   * @return "cannot start embedded PostgreSQL in DIR: reason"
   */
  public static StoreException cannotStartEmbedded(Path directory, Throwable cause) {
    return new StoreException(
        "cannot start embedded PostgreSQL in " + directory + ": " + reason(cause, null), cause);
  }

  /**
   * The most specific explanation in a cause chain: the message of the innermost exception (for
   * "Connection refused" rather than a pool's wrapper text), with the password masked.
   *
   * @param failure the failure, may be null
   * @param password a secret to mask if it appears, may be null
   * @return a one-line reason
   */
  public static String reason(Throwable failure, String password) {
    if (failure == null) {
      return "unknown error";
    }
    Throwable innermost = failure;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    String text;
    if (message == null || message.isBlank()) {
      text = innermost.getClass().getSimpleName();
    } else if (innermost instanceof UnknownHostException) {
      text = "unknown host " + message;
    } else {
      text = message.strip();
    }
    if (password != null && !password.isEmpty()) {
      text = text.replace(password, JdbcUrls.MASK);
    }
    return JdbcUrls.redact(text);
  }

  private static String describeUser(String user) {
    return user == null ? "the default user" : "user '" + user + "'";
  }
}

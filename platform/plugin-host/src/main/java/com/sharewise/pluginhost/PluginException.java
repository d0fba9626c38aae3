package com.sharewise.pluginhost;

import java.util.Objects;

/**
 * A plugin operation was refused or failed. {@link #getMessage()} is written for users and names
 * the cause (the missing package, the activator's exception…); {@link #reason()} lets callers map
 * it, e.g. to an HTTP status.
 */
public class PluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an operation did not succeed. */
  public enum Reason {
    /** Not a readable jar, no manifest, or not an OSGi R4+ bundle. */
    NOT_A_BUNDLE,
    /** A bad request: a file name that is not a plain {@code *.jar} name, or a jar too large. */
    INVALID_REQUEST,
    /** A plugin with that symbolic name or file name is already installed. */
    ALREADY_INSTALLED,
    /** The new jar's symbolic name differs from the plugin it should update. */
    SYMBOLIC_NAME_MISMATCH,
    /** No plugin with that id. */
    NOT_FOUND,
    /** The bundle's imports cannot be satisfied (typically a missing package). */
    UNRESOLVED,
    /** The bundle resolved but did not start (its activator threw, for example). */
    START_FAILED,
    /** Reading or writing the plugins folder failed. */
    IO_ERROR,
    /** The operation did not finish in time; it may still complete in the background. */
    TIMEOUT,
    /** The host is not running. */
    NOT_RUNNING,
    /** The framework refused the operation for another reason. */
    FRAMEWORK_ERROR
  }

  private final Reason reason;

  public PluginException(Reason reason, String message) {
    this(reason, message, null);
  }

  public PluginException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

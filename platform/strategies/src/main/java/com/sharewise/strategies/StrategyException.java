package com.sharewise.strategies;

/**
 * A request about strategy instances that cannot be carried out; nothing changed because of it. The
 * message says why in words a trader can act on.
 */
public final class StrategyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, which the REST layer maps to a status code. */
  public enum Reason {
    /** A value is wrong (parameter out of range, bad timeframe): 400, naming {@link #field}. */
    INVALID,
    /** The instance, strategy type or instrument does not exist: 404. */
    NOT_FOUND,
    /** The instance's state does not allow it (start a running one): 409. */
    CONFLICT,
    /** Valid values the strategy still cannot run with (its create refused them): 422. */
    UNPROCESSABLE
  }

  private final Reason reason;
  private final String field;

  public StrategyException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field == null ? "" : field;
  }

  public static StrategyException notFound(String message) {
    return new StrategyException(Reason.NOT_FOUND, "", message);
  }

  public static StrategyException conflict(String message) {
    return new StrategyException(Reason.CONFLICT, "", message);
  }

  public Reason reason() {
    return reason;
  }

  /** The request field at fault (e.g. {@code parameters.fast}), or empty. */
  public String field() {
    return field;
  }
}

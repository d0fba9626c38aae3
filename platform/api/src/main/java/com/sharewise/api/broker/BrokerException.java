package com.sharewise.api.broker;

/**
 * A broker call failed. The {@link Reason} tells the platform what it may do next; the message
 * tells a human why, and must never contain credentials or tokens.
 */
public class BrokerException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a broker call failed. */
  public enum Reason {
    /**
     * The broker refused the request (margin, price band, invalid symbol…). Final for that order.
     */
    REJECTED,
    /**
     * The call may or may not have taken effect (timeout, connection reset after sending). The
     * platform marks the order UNKNOWN and reconciles against the order book; it never resends.
     */
    OUTCOME_UNKNOWN,
    /** Credentials are missing, wrong or expired; a person must log in again. */
    AUTHENTICATION,
    /** The broker is unreachable or down; nothing was sent. Safe to retry later. */
    UNAVAILABLE,
    /** The adapter does not offer this operation (see {@link BrokerCapability}). */
    UNSUPPORTED
  }

  private final Reason reason;

  public BrokerException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BrokerException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** A ready-made exception for an operation the adapter does not offer. */
  public static BrokerException unsupported(String operation) {
    return new BrokerException(Reason.UNSUPPORTED, operation + " is not offered by this broker");
  }

  public Reason reason() {
    return reason;
  }
}

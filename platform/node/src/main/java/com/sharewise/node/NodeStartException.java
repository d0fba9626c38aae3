package com.sharewise.node;

/** The node could not start; the message says which part and why. */
public class NodeStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

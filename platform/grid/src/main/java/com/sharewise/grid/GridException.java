package com.sharewise.grid;

/** The grid member could not start or failed; the message names the address and cause. */
public class GridException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GridException(String message, Throwable cause) {
    super(message, cause);
  }
}

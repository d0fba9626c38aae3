package com.sharewise.server;

/** The HTTP server could not start or stop; the message names the address. */
public class HttpServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HttpServerException(String message, Throwable cause) {
    super(message, cause);
  }
}

package com.sharewise.server;

import java.util.Map;

/**
 * An error a resource raises on purpose, carrying the HTTP status and a detail for the user. The
 * exception mapper turns it into a {@link Problem}.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient Map<String, Object> errors;

  public ApiException(int status, String title, String detail) {
    this(status, title, detail, null, null);
  }

  public ApiException(
      int status, String title, String detail, Map<String, Object> errors, Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail);
  }

  /** 401: no valid credentials (the response also carries {@code WWW-Authenticate: Bearer}). */
  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "Unauthorized", detail);
  }

  /** 403: the caller is known but may not do this. */
  public static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail);
  }

  public static ApiException unprocessable(String detail) {
    return new ApiException(422, "Unprocessable content", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> errors() {
    return errors;
  }
}

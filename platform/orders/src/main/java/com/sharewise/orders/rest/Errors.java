package com.sharewise.orders.rest;

import com.sharewise.orders.OrderException;
import com.sharewise.server.ApiException;

/** Maps the order area's errors to problem responses. */
final class Errors {

  private Errors() {}

  static ApiException toApi(OrderException e) {
    return switch (e.reason()) {
      case INVALID -> ApiException.badRequest(e.getMessage());
      case NOT_FOUND -> ApiException.notFound(e.getMessage());
      case CONFLICT -> ApiException.conflict(e.getMessage());
      case BLOCKED -> new ApiException(423, "Locked", e.getMessage());
      case UNAVAILABLE -> new ApiException(503, "Service Unavailable", e.getMessage());
    };
  }

  /** Runs {@code action}, turning order errors into problem responses. */
  static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (OrderException e) {
      throw toApi(e);
    }
  }
}

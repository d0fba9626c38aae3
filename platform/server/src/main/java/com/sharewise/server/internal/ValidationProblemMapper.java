package com.sharewise.server.internal;

import com.sharewise.server.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * Bean Validation failures on request bodies and parameters: 400 with every violated field named in
 * {@code errors} ({@code {"password": "size must be between 12 and 200"}}).
 */
public final class ValidationProblemMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(ConstraintViolationException error) {
    Map<String, Object> errors = new TreeMap<>();
    for (ConstraintViolation<?> violation : error.getConstraintViolations()) {
      errors.merge(
          field(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
    }
    String detail =
        errors.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ", "invalid request: ", ""));
    Problem problem =
        new Problem(
            "about:blank",
            "Bad request",
            400,
            detail,
            uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(),
            MDC.get("requestId"),
            errors);
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** "login.request.username" → "username"; a bare parameter keeps its own name. */
  static String field(Path path) {
    List<String> names = new ArrayList<>();
    path.forEach(
        node -> {
          if (node.getName() != null) {
            names.add(node.getName());
          }
        });
    if (names.size() > 2) {
      return String.join(".", names.subList(2, names.size()));
    }
    return names.isEmpty() ? "request" : names.get(names.size() - 1);
  }
}

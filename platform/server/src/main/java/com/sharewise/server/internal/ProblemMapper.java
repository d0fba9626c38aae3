package com.sharewise.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.sharewise.server.ApiException;
import com.sharewise.server.JsonMapper;
import com.sharewise.server.Problem;
import com.sharewise.server.security.TooManyRequestsException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns every exception that escapes a resource into an {@code application/problem+json} response.
 * Client mistakes get their own words back; anything unexpected is logged with the request id and
 * answered with a 500 that names that id, never a stack trace.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Context private UriInfo uriInfo;
  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable error) {
    Problem problem = toProblem(error);
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    if (error instanceof TooManyRequestsException limited) {
      response.header("Retry-After", limited.retryAfterSeconds());
    }
    return response.build();
  }

  private Problem toProblem(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimit.TooLarge) {
        // a chunked body passed the limit while a reader parsed it (the parser may wrap it)
        ApiException tooLarge = BodySizeLimit.tooLarge();
        return problem(
            tooLarge.status(), tooLarge.title(), tooLarge.getMessage(), tooLarge.errors());
      }
    }
    if (error instanceof ApiException api) {
      return problem(api.status(), api.title(), api.getMessage(), api.errors());
    }
    if (error instanceof JsonMappingException mapping) {
      return problem(400, "Malformed request body", JsonMapper.describe(mapping, ""), null);
    }
    if (error instanceof JsonProcessingException parse) {
      return problem(
          400,
          "Malformed JSON",
          "the request body is not valid JSON: " + parse.getOriginalMessage(),
          null);
    }
    String kind = error instanceof ParamException param ? clientParameterKind(param) : null;
    if (kind != null) {
      ParamException param = (ParamException) error;
      return problem(
          400, "Bad request", describe(param, kind), Map.of("field", param.getParameterName()));
    }
    if (error instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      String title = web.getResponse().getStatusInfo().getReasonPhrase();
      return problem(status, title, webDetail(status, web), null);
    }
    LOG.atError().setCause(error).addKeyValue("path", path()).log("unhandled error in request");
    return problem(
        500,
        "Internal error",
        "the server failed to handle this request; quote request id "
            + MDC.get("requestId")
            + " when reporting it",
        null);
  }

  private String webDetail(int status, WebApplicationException web) {
    return switch (status) {
      case 404 -> "no resource at " + path();
      case 405 -> "method not allowed on " + path();
      case 415 ->
          "content type "
              + contentType()
              + " is not accepted by "
              + path()
              + "; /api/v1/openapi.json lists what each endpoint takes";
      case 406 -> "cannot produce the requested media type";
      case 401 -> "this endpoint needs a valid access token";
      case 403 -> "your roles do not allow this request";
      default -> web.getMessage();
    };
  }

  /**
   * What the request called the parameter, or null for a path parameter. JAX-RS answers a query or
   * matrix parameter it cannot convert with 404, as if the resource did not exist ({@code
   * ?limit=abc} → "no resource"); the caller sent a bad value, so it is a 400 naming it. A path
   * segment that does not convert still means "no such resource".
   */
  private static String clientParameterKind(ParamException param) {
    Class<? extends Annotation> type = param.getParameterType();
    if (type == QueryParam.class) {
      return "query parameter";
    } else if (type == HeaderParam.class) {
      return "header";
    } else if (type == MatrixParam.class) {
      return "matrix parameter";
    } else if (type == CookieParam.class) {
      return "cookie";
    } else if (type == FormParam.class) {
      return "form field";
    }
    return null;
  }

  private String describe(ParamException param, String kind) {
    String name = param.getParameterName();
    String value =
        param.getParameterType() == QueryParam.class && uriInfo != null
            ? uriInfo.getQueryParameters().getFirst(name)
            : param.getParameterType() == HeaderParam.class && headers != null
                ? headers.getHeaderString(name)
                : null;
    // Jersey wraps the converter's exception (once for primitives, twice for boxed numbers)
    Throwable cause = param.getCause();
    while (cause != null && cause.getCause() != null && !(cause instanceof NumberFormatException)) {
      cause = cause.getCause();
    }
    String why =
        cause instanceof NumberFormatException
            ? "a number is expected"
            : cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    return kind
        + " '"
        + name
        + "' "
        + (value == null ? "has an invalid value" : "has an invalid value '" + value + "'")
        + (why.isEmpty() ? "" : ": " + why);
  }

  private Problem problem(int status, String title, String detail, Map<String, Object> errors) {
    return new Problem("about:blank", title, status, detail, path(), MDC.get("requestId"), errors);
  }

  private String contentType() {
    String type = headers == null ? null : headers.getHeaderString("Content-Type");
    return type == null ? "(none)" : "'" + type + "'";
  }

  private String path() {
    return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
  }
}

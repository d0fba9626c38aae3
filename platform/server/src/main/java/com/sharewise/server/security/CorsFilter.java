package com.sharewise.server.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access to the API, closed by default. Only origins on the allow-list (exact {@code
 * scheme://host[:port]} strings) get {@code Access-Control-Allow-Origin}; a pre-flight from any
 * other origin is answered 403. Credentials (cookies) are never allowed: the API authenticates with
 * bearer tokens, which a page from an allowed origin sends itself.
 */
public final class CorsFilter implements Filter {

  static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-File-Name, X-Request-Id";
  static final String EXPOSED_HEADERS = "Location, Retry-After, X-Request-Id";

  private final Set<String> allowedOrigins;

  public CorsFilter(List<String> allowedOrigins) {
    this.allowedOrigins = Set.copyOf(allowedOrigins);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse out = (HttpServletResponse) response;
    String origin = http.getHeader("Origin");
    boolean preflight =
        "OPTIONS".equals(http.getMethod())
            && http.getHeader("Access-Control-Request-Method") != null;
    if (origin == null) {
      chain.doFilter(request, response);
      return;
    }
    out.addHeader("Vary", "Origin");
    if (!allowedOrigins.contains(origin)) {
      if (preflight) {
        out.setStatus(403);
        out.setContentType("application/problem+json");
        out.getWriter()
            .write(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"cross-origin requests from this origin are not allowed\"}");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    out.setHeader("Access-Control-Allow-Origin", origin);
    out.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (preflight) {
      out.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      out.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      out.setHeader("Access-Control-Max-Age", "600");
      out.setStatus(204);
      return;
    }
    chain.doFilter(request, response);
  }
}

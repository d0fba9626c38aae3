package com.sharewise.server.metrics;

import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.InvalidTokenException;
import com.sharewise.server.security.TokenVerifier;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * {@code GET /metrics}: the node's meters in the Prometheus text format. Public when no scrape
 * token is configured (operators scrape on a private network; the HTTP server binds to loopback by
 * default). With a scrape token, a request needs {@code Authorization: Bearer <scrape token>} or an
 * ADMIN's access token; anything else is answered 401.
 */
public final class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String BEARER = "Bearer ";

  private final transient PrometheusMeterRegistry registry;
  private final transient TokenVerifier verifier;
  private final byte[] scrapeToken;

  /**
   * @param registry the node's registry
   * @param scrapeToken the static token scrapers send, or empty for a public endpoint
   * @param verifier checks access tokens (an ADMIN may always read the metrics)
   */
  public MetricsServlet(
      PrometheusMeterRegistry registry, String scrapeToken, TokenVerifier verifier) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.scrapeToken =
        scrapeToken == null || scrapeToken.isEmpty()
            ? null
            : scrapeToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (scrapeToken != null && !allowed(request.getHeader("Authorization"))) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":"
                  + "\"/metrics needs the scrape token or an ADMIN access token as"
                  + " Authorization: Bearer\",\"instance\":\"/metrics\"}");
      return;
    }
    response.setStatus(200);
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private boolean allowed(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    String token = header.substring(BEARER.length()).trim();
    if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), scrapeToken)) {
      return true;
    }
    try {
      AuthenticatedUser user = verifier.verify(token);
      return user.hasRole(Roles.ADMIN);
    } catch (InvalidTokenException e) {
      return false;
    }
  }
}

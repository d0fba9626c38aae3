package com.sharewise.server.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds the browser-hardening headers to every response (API, web UI, metrics): a Content Security
 * Policy that lets the web UI load only its own scripts, styles and connections and never be
 * framed, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and {@code
 * X-Frame-Options: DENY} for older browsers. {@code Strict-Transport-Security} is sent only when
 * the request came over TLS (or {@code hsts} is forced on because a TLS proxy sits in front): over
 * plain HTTP browsers ignore it, and sending it from a test node on localhost would pin the host to
 * HTTPS.
 */
public final class SecurityHeadersFilter implements Filter {

  /** The default policy: the web UI's own files only; WebSocket to the same origin. */
  public static final String DEFAULT_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors 'none'";

  private final String contentSecurityPolicy;
  private final boolean forceHsts;

  /**
   * @param contentSecurityPolicy the policy to send
   * @param forceHsts send HSTS on every response (the node is reached through a TLS proxy)
   */
  public SecurityHeadersFilter(String contentSecurityPolicy, boolean forceHsts) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.forceHsts = forceHsts;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader("Content-Security-Policy", contentSecurityPolicy);
    http.setHeader("X-Content-Type-Options", "nosniff");
    http.setHeader("Referrer-Policy", "no-referrer");
    http.setHeader("X-Frame-Options", "DENY");
    if (forceHsts || ((HttpServletRequest) request).isSecure()) {
      http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}

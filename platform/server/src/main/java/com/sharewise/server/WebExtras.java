package com.sharewise.server;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/**
 * What the node adds to the HTTP front besides the REST API: servlet filters run on every request
 * (after the request id is set, in list order: security headers, CORS…) and servlets outside {@code
 * /api/v1} (e.g. {@code /metrics}), by path spec.
 *
 * @param filters filters for {@code /*}
 * @param servlets servlets by path spec
 */
public record WebExtras(List<Filter> filters, Map<String, HttpServlet> servlets) {

  /** Nothing extra (the server still sends its default security headers). */
  public static final WebExtras NONE = new WebExtras(List.of(), Map.of());

  public WebExtras {
    filters = List.copyOf(filters);
    servlets = Map.copyOf(servlets);
  }
}

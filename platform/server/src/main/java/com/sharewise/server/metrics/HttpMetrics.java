package com.sharewise.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;

/**
 * Request meters for the REST API: {@code http_server_requests_seconds} by method, URI template
 * (never the raw path, so ids do not explode the series), status and outcome.
 */
public final class HttpMetrics {

  /** The meter name. */
  public static final String METRIC = "http.server.requests";

  private HttpMetrics() {}

  /** A Jersey listener to register as an API component. */
  public static Object listener(MeterRegistry registry) {
    return new MetricsApplicationEventListener(
        registry, new DefaultJerseyTagsProvider(), METRIC, true);
  }
}

package com.sharewise.node.internal;

import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.server.metrics.MetricsServlet;
import com.sharewise.server.security.TokenVerifier;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/** Serves the node's meters at {@code /metrics} in the Prometheus text format. */
public final class MetricsPart implements NodePart {

  public static final Setting ENABLED =
      new Setting(
          "metrics.enabled",
          "SHAREWISE_METRICS_ENABLED",
          "true",
          false,
          "serve /metrics (Prometheus text format)");
  public static final Setting TOKEN =
      new Setting(
          "metrics.token",
          "SHAREWISE_METRICS_TOKEN",
          "",
          true,
          "bearer token scrapers must send to /metrics; unset = /metrics is public");

  /** This area's settings. */
  public static final List<Setting> SETTINGS = List.of(ENABLED, TOKEN);

  private final Map<String, HttpServlet> servlets;

  private MetricsPart(Map<String, HttpServlet> servlets) {
    this.servlets = servlets;
  }

  /** Starts the area (after the security area, whose token verifier it uses). */
  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    if (!settings.bool(ENABLED)) {
      return new MetricsPart(Map.of());
    }
    return new MetricsPart(
        Map.of(
            "/metrics",
            new MetricsServlet(
                context.require(PrometheusMeterRegistry.class),
                settings.text(TOKEN),
                context.require(TokenVerifier.class))));
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public Map<String, HttpServlet> servlets() {
    return servlets;
  }
}

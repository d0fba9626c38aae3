package com.sharewise.node;

import com.sharewise.server.health.HealthCheck;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One functional area of the node (market data, rules, orders…), started after the core (store,
 * grid, plugin host) and before HTTP. An area contributes REST resources and health checks and is
 * closed in reverse order of starting.
 */
public interface NodePart extends AutoCloseable {

  /** A short name for logs (start and stop). */
  default String name() {
    return getClass().getSimpleName();
  }

  /** JAX-RS resources and providers to serve under {@code /api/v1}. */
  default List<Object> apiComponents() {
    return List.of();
  }

  /** Parts of this area that health reports on. */
  default List<HealthCheck> healthChecks() {
    return List.of();
  }

  /**
   * Servlet filters run on every HTTP request (API, web UI, metrics), in start order of the areas:
   * security headers, CORS.
   */
  default List<Filter> webFilters() {
    return List.of();
  }

  /** Servlets outside {@code /api/v1}, by path spec (e.g. {@code /metrics}). */
  default Map<String, HttpServlet> servlets() {
    return Map.of();
  }

  /**
   * Lines the operator must see once on the console when the node has started (never written to the
   * log), e.g. a generated first password.
   */
  default List<String> operatorNotices() {
    return List.of();
  }

  /**
   * Completes when the area serves fully. Most areas are ready when {@link Starter#start} returns;
   * one that finishes in the background (the rules compiling their rule sets, so HTTP need not wait
   * for them) completes it later and reports STARTING in health until then, saying what does not
   * work yet. It completes normally even when getting ready failed: health reports the failure.
   */
  default CompletableFuture<Void> ready() {
    return CompletableFuture.completedFuture(null);
  }

  /** Stops the area's threads; must not throw. */
  @Override
  default void close() {}

  /** Starts an area from what the node and earlier areas provide. */
  @FunctionalInterface
  interface Starter {
    NodePart start(NodeContext context);
  }
}

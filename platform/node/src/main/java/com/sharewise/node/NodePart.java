package com.sharewise.node;

import com.sharewise.server.health.HealthCheck;
import java.util.List;

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

  /** Stops the area's threads; must not throw. */
  @Override
  default void close() {}

  /** Starts an area from what the node and earlier areas provide. */
  @FunctionalInterface
  interface Starter {
    NodePart start(NodeContext context);
  }
}

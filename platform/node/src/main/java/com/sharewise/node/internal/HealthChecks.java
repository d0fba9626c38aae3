package com.sharewise.node.internal;

import com.sharewise.grid.Grid;
import com.sharewise.grid.GridHealth;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginHostHealth;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.health.HealthCheck.Result;
import com.sharewise.store.Store;
import com.sharewise.store.StoreHealth;
import java.util.List;
import java.util.Map;

/** Adapts each part's own health record to the health endpoint's checks. */
public final class HealthChecks {

  private HealthChecks() {}

  /** The checks {@code GET /api/v1/health} reports, in display order. */
  public static List<HealthCheck> of(Store store, Grid grid, PluginHost plugins) {
    return List.of(
        HealthCheck.of("store", () -> store(store.health())),
        HealthCheck.of("grid", () -> grid(grid.health())),
        HealthCheck.of("pluginHost", () -> plugins(plugins.health())));
  }

  private static Result store(StoreHealth health) {
    return new Result(health.up(), health.detail(), Map.of("mode", health.mode()));
  }

  private static Result grid(GridHealth health) {
    return new Result(health.up(), health.detail(), Map.of("members", health.members()));
  }

  private static Result plugins(PluginHostHealth health) {
    return new Result(
        health.up(), health.detail(), Map.of("active", health.active(), "failed", health.failed()));
  }
}

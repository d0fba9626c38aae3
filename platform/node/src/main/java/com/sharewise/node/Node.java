package com.sharewise.node;

import com.sharewise.audit.AuditTrail;
import com.sharewise.grid.Grid;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.NodeConfig;
import com.sharewise.node.internal.HealthChecks;
import com.sharewise.node.internal.Observability;
import com.sharewise.node.internal.PluginEventRecorder;
import com.sharewise.node.internal.Shutdown;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.server.HttpServer;
import com.sharewise.server.WebExtras;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.health.HealthResource;
import com.sharewise.server.metrics.HttpMetrics;
import com.sharewise.server.plugins.PluginResource;
import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.StreamHub;
import com.sharewise.server.ws.StreamHubConfig;
import com.sharewise.server.ws.WebSocketHub;
import com.sharewise.store.PluginEventLog;
import com.sharewise.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ShareWise node: store, grid, plugin host and HTTP server, started in dependency order and
 * stopped in reverse (the store last). This class only wires parts together; each part lives in its
 * own module.
 */
public final class Node implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Shutdown shutdown;
  private final HttpServer http;
  private final List<String> operatorNotices;

  private Node(Shutdown shutdown, HttpServer http, List<String> operatorNotices) {
    this.shutdown = shutdown;
    this.http = http;
    this.operatorNotices = List.copyOf(operatorNotices);
  }

  /**
   * Starts every part. On failure, whatever already started is stopped again.
   *
   * @throws NodeStartException naming the part that failed
   */
  public static Node start(NodeConfig config, Clock clock) {
    Shutdown shutdown = new Shutdown();
    try {
      Files.createDirectories(config.dataDirectory());
      // The database and the grid each take a second or two to start and need nothing from
      // each other, so they start side by side.
      CompletableFuture<Store> store =
          CompletableFuture.supplyAsync(() -> Store.open(config.store()));
      CompletableFuture<Grid> grid = CompletableFuture.supplyAsync(() -> Grid.start(config.grid()));
      Store startedStore = shutdown.add("store", await("store", store, grid, shutdown));
      Grid startedGrid = shutdown.add("grid", await("grid", grid, null, shutdown));

      PluginHost plugins = shutdown.add("plugin host", new PluginHost(config.plugins(), clock));
      PluginEventLog pluginHistory = new PluginEventLog(startedStore.dsl(), clock);
      plugins.addListener(new PluginEventRecorder(pluginHistory));
      // Meters: JVM, HTTP and plugin failures here; areas add their own to the published registry.
      PrometheusMeterRegistry meters = Observability.registry(plugins);
      plugins.start();

      NodeContext context = new NodeContext(config, clock, startedStore, startedGrid, plugins);
      context.publish(MeterRegistry.class, meters);
      context.publish(PrometheusMeterRegistry.class, meters);
      AuditTrail audit = new AuditTrail(startedStore.dsl(), clock);
      context.publish(AuditTrail.class, audit);
      List<Object> api =
          new ArrayList<>(List.of(new PluginResource(plugins, pluginHistory, audit)));
      List<HealthCheck> checks =
          new ArrayList<>(HealthChecks.of(startedStore, startedGrid, plugins));
      // WebSocket streams (/ws): areas publish into the hub, so it stops after them (and HTTP).
      WebSocketHub streams = shutdown.add("streams", new WebSocketHub(StreamHubConfig.defaults()));
      streams.register(StreamChannel.quotes());
      streams.register(StreamChannel.bars());
      context.publish(StreamHub.class, streams);
      context.publish(WebSocketHub.class, streams);
      List<Filter> filters = new ArrayList<>();
      Map<String, HttpServlet> servlets = new LinkedHashMap<>();
      List<String> notices = new ArrayList<>();
      for (NodePart.Starter starter : Parts.STARTERS) {
        NodePart part = starter.start(context);
        shutdown.add(part.name(), part);
        api.addAll(part.apiComponents());
        checks.addAll(part.healthChecks());
        filters.addAll(part.webFilters());
        servlets.putAll(part.servlets());
        notices.addAll(part.operatorNotices());
      }
      api.add(new HealthResource(checks));
      api.add(HttpMetrics.listener(meters));

      HttpServer http =
          shutdown.add(
              "http",
              HttpServer.start(config.http(), api, new WebExtras(filters, servlets), streams));
      LOG.atInfo().addKeyValue("port", http.port()).log("node started");
      return new Node(shutdown, http, notices);
    } catch (ConfigException e) {
      // an area found a bad setting of its own: report it like any other configuration problem
      shutdown.close();
      throw e;
    } catch (IOException | RuntimeException e) {
      shutdown.close();
      throw e instanceof NodeStartException started
          ? started
          : new NodeStartException(rootMessage(e), e);
    }
  }

  /** Waits for a part started in the background; if it failed, still collects {@code other}. */
  private static <T> T await(
      String name,
      CompletableFuture<T> part,
      CompletableFuture<? extends AutoCloseable> other,
      Shutdown shutdown) {
    try {
      return part.join();
    } catch (CompletionException e) {
      if (other != null) {
        closeWhenDone(other, shutdown);
      }
      throw new NodeStartException(name + ": " + rootMessage(e.getCause()), e.getCause());
    }
  }

  private static void closeWhenDone(
      CompletableFuture<? extends AutoCloseable> other, Shutdown shutdown) {
    try {
      shutdown.add("other", other.join());
    } catch (CompletionException ignored) {
      // that part failed too; nothing was started that needs stopping
    }
  }

  private static String rootMessage(Throwable error) {
    Supplier<String> fallback = () -> error.getClass().getSimpleName();
    return error.getMessage() == null ? fallback.get() : error.getMessage();
  }

  /** What the operator must see once on the console (e.g. a generated first password). */
  public List<String> operatorNotices() {
    return operatorNotices;
  }

  /** The port the HTTP server listens on. */
  public int httpPort() {
    return http.port();
  }

  /** Stops every part: HTTP first (finishing requests in flight), the store last. */
  @Override
  public void close() {
    shutdown.close();
  }
}

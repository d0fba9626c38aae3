package com.sharewise.node;

import com.sharewise.audit.AuditTrail;
import com.sharewise.grid.Grid;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.NodeConfig;
import com.sharewise.node.internal.HealthChecks;
import com.sharewise.node.internal.Observability;
import com.sharewise.node.internal.PluginEventRecorder;
import com.sharewise.node.internal.Shutdown;
import com.sharewise.node.internal.StartupTimer;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.server.HttpServer;
import com.sharewise.server.WebExtras;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.health.HealthResource;
import com.sharewise.server.metrics.HttpMetrics;
import com.sharewise.server.plugins.PluginResource;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private final CompletableFuture<Void> ready;

  private Node(
      Shutdown shutdown,
      HttpServer http,
      List<String> operatorNotices,
      CompletableFuture<Void> ready) {
    this.shutdown = shutdown;
    this.http = http;
    this.operatorNotices = List.copyOf(operatorNotices);
    this.ready = ready;
  }

  /**
   * Starts every part and returns once HTTP serves. Areas that finish getting ready in the
   * background (the rules compiling their rule sets) report STARTING in health until then; {@link
   * #awaitReady} waits for them. On failure, whatever already started is stopped again.
   *
   * @throws NodeStartException naming the part that failed
   */
  public static Node start(NodeConfig config, Clock clock) {
    Shutdown shutdown = new Shutdown();
    StartupTimer timer = new StartupTimer(System::nanoTime);
    try {
      Files.createDirectories(config.dataDirectory());
      Core core = Core.start(config, clock, timer, shutdown);
      Store store = core.store();
      PluginHost plugins = core.plugins();

      NodeContext context = new NodeContext(config, clock, store, core.grid(), plugins);
      context.publish(MeterRegistry.class, core.meters());
      context.publish(PrometheusMeterRegistry.class, core.meters());
      AuditTrail audit = new AuditTrail(store.dsl(), clock);
      context.publish(AuditTrail.class, audit);
      List<Object> api =
          new ArrayList<>(List.of(new PluginResource(plugins, core.pluginHistory(), audit)));
      List<HealthCheck> checks = new ArrayList<>(HealthChecks.of(store, core.grid(), plugins));
      // WebSocket streams (/ws): areas publish into the hub, so it stops after them (and HTTP).
      WebSocketHub streams =
          shutdown.add("streams", new WebSocketHub(StreamHubConfig.defaults(), clock));
      context.publish(StreamHub.class, streams);
      context.publish(WebSocketHub.class, streams);
      List<Filter> filters = new ArrayList<>();
      Map<String, HttpServlet> servlets = new LinkedHashMap<>();
      List<String> notices = new ArrayList<>();
      List<CompletableFuture<Void>> partsReady = new ArrayList<>();
      for (NodePart.Starter starter : Parts.STARTERS) {
        long partStart = System.nanoTime();
        NodePart part = starter.start(context);
        timer.record(part.name(), (System.nanoTime() - partStart) / 1_000_000);
        shutdown.add(part.name(), part);
        api.addAll(part.apiComponents());
        checks.addAll(part.healthChecks());
        filters.addAll(part.webFilters());
        servlets.putAll(part.servlets());
        notices.addAll(part.operatorNotices());
        partsReady.add(readyOf(part, timer));
      }
      api.add(new HealthResource(checks));
      api.add(HttpMetrics.listener(core.meters()));

      HttpServer http =
          shutdown.add(
              "http",
              timer.time(
                  "http",
                  () ->
                      HttpServer.start(
                          config.http(), api, new WebExtras(filters, servlets), streams)));
      LOG.atInfo().addKeyValue("port", http.port()).log("node serving HTTP");
      CompletableFuture<Void> ready =
          CompletableFuture.allOf(partsReady.toArray(CompletableFuture[]::new))
              .whenComplete((done, error) -> timer.logSummary("node started"));
      return new Node(shutdown, http, notices, ready);
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

  /** The part's readiness, logged when it comes later than the part's start. */
  private static CompletableFuture<Void> readyOf(NodePart part, StartupTimer timer) {
    CompletableFuture<Void> ready = part.ready();
    if (ready.isDone()) {
      return ready;
    }
    long waiting = System.nanoTime();
    return ready.handle(
        (done, error) -> {
          // a part never fails its readiness (it reports problems in health); log it if it does
          if (error != null) {
            LOG.atError().setCause(error).addKeyValue("part", part.name()).log("not ready");
          }
          timer.record(part.name() + " ready", (System.nanoTime() - waiting) / 1_000_000);
          return null;
        });
  }

  /**
   * The store, the grid and the plugin host, started side by side: each takes a second or more and
   * needs nothing from the others (the plugin history waits for the store on its own thread).
   */
  private record Core(
      Store store,
      Grid grid,
      PluginHost plugins,
      PluginEventLog pluginHistory,
      PrometheusMeterRegistry meters) {

    static Core start(NodeConfig config, Clock clock, StartupTimer timer, Shutdown shutdown) {
      CompletableFuture<PluginEventLog> history = new CompletableFuture<>();
      PluginHost plugins = new PluginHost(config.plugins(), clock);
      plugins.addListener(new PluginEventRecorder(history));
      // Meters: JVM, HTTP and plugin failures here; areas add their own to the published registry.
      PrometheusMeterRegistry meters = Observability.registry(plugins);
      CompletableFuture<Store> store =
          inBackground("store", () -> Store.open(config.store()), timer);
      store.whenComplete(
          (opened, error) -> {
            if (error != null) {
              history.completeExceptionally(error);
            } else {
              history.complete(new PluginEventLog(opened.dsl(), clock));
            }
          });
      CompletableFuture<Grid> grid = inBackground("grid", () -> Grid.start(config.grid()), timer);
      CompletableFuture<PluginHost> started =
          inBackground(
              "plugin host",
              () -> {
                plugins.start();
                return plugins;
              },
              timer);
      // wait for all three, so that whatever started is stopped again when one failed; the order
      // of adding is the reverse of stopping: the store stops last
      CompletableFuture.allOf(store, grid, started).exceptionally(error -> null).join();
      NodeStartException failure = collect("store", store, shutdown, null);
      failure = collect("grid", grid, shutdown, failure);
      // stopped even when its start failed: Felix may have begun
      shutdown.add("plugin host", plugins);
      failure = collect("plugin host", started, null, failure);
      if (failure != null) {
        throw failure;
      }
      return new Core(store.join(), grid.join(), plugins, history.join(), meters);
    }

    /** Runs {@code step} on a thread of its own (named for thread dumps), timed. */
    private static <T> CompletableFuture<T> inBackground(
        String name, Supplier<T> step, StartupTimer timer) {
      return CompletableFuture.supplyAsync(
          () -> timer.time(name, step),
          task -> Thread.ofPlatform().name("start-" + name.replace(' ', '-')).start(task));
    }

    /**
     * Registers a started part for shutdown (when {@code shutdown} is given), or returns the first
     * failure: {@code failure} when there was one already, else this part's.
     */
    private static NodeStartException collect(
        String name,
        CompletableFuture<? extends AutoCloseable> part,
        Shutdown shutdown,
        NodeStartException failure) {
      try {
        AutoCloseable started = part.join();
        if (shutdown != null) {
          shutdown.add(name, started);
        }
        return failure;
      } catch (CompletionException e) {
        return failure != null
            ? failure
            : new NodeStartException(name + ": " + rootMessage(e.getCause()), e.getCause());
      }
    }
  }

  private static String rootMessage(Throwable error) {
    Supplier<String> fallback = () -> error.getClass().getSimpleName();
    return error.getMessage() == null ? fallback.get() : error.getMessage();
  }

  /**
   * Waits until every area is ready (the rules have compiled their rule sets), up to {@code
   * timeout}.
   *
   * @return whether the node is ready
   */
  public boolean awaitReady(Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // readiness never fails: problems show in health
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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

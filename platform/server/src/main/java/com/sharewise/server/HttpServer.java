package com.sharewise.server;

import com.sharewise.server.internal.ApiApplication;
import com.sharewise.server.internal.RequestIdFilter;
import com.sharewise.server.security.SecurityHeadersFilter;
import com.sharewise.server.ws.WebSocketHub;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP front: the REST API under {@code /api/v1}, the WebSocket streams under {@code
 * /ws} (when a hub is given), the web UI from the classpath under {@code /}. Stopping is graceful:
 * new connections are refused, requests in flight finish (up to the configured timeout).
 */
public final class HttpServer implements AutoCloseable {

  /** Classpath folder the web UI module puts its files in. */
  public static final String WEB_ROOT = "sharewise-webui";

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final Server server;
  private final ServerConnector connector;

  private HttpServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Path of the WebSocket endpoint. */
  public static final String WEBSOCKET_PATH = "/ws";

  /**
   * Starts serving without a WebSocket endpoint.
   *
   * @param apiComponents JAX-RS resources and providers, as instances
   * @throws HttpServerException when the port cannot be bound
   */
  public static HttpServer start(HttpServerConfig config, List<Object> apiComponents) {
    return start(config, apiComponents, WebExtras.NONE);
  }

  /**
   * Starts serving, with filters and servlets besides the API. Without a {@link
   * SecurityHeadersFilter} among the filters, the default headers are sent.
   *
   * @param apiComponents JAX-RS resources and providers, as instances
   * @param extras filters for every request and servlets outside the API
   * @throws HttpServerException when the port cannot be bound
   */
  public static HttpServer start(
      HttpServerConfig config, List<Object> apiComponents, WebExtras extras) {
    return start(config, apiComponents, extras, null);
  }

  /**
   * Starts serving, with a WebSocket endpoint.
   *
   * @param apiComponents JAX-RS resources and providers, as instances
   * @param streams served at {@link #WEBSOCKET_PATH}; null for none. The caller closes it.
   * @throws HttpServerException when the port cannot be bound
   */
  public static HttpServer start(
      HttpServerConfig config, List<Object> apiComponents, WebSocketHub streams) {
    return start(config, apiComponents, WebExtras.NONE, streams);
  }

  /**
   * Starts serving.
   *
   * @param apiComponents JAX-RS resources and providers, as instances
   * @param extras filters for every request and servlets outside the API
   * @param streams served at {@link #WEBSOCKET_PATH}; null for none. The caller closes it.
   * @throws HttpServerException when the port cannot be bound
   */
  public static HttpServer start(
      HttpServerConfig config, List<Object> apiComponents, WebExtras extras, WebSocketHub streams) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(new RequestIdFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    if (extras.filters().stream().noneMatch(SecurityHeadersFilter.class::isInstance)) {
      context.addFilter(
          new FilterHolder(new SecurityHeadersFilter(SecurityHeadersFilter.DEFAULT_CSP, false)),
          "/*",
          EnumSet.of(DispatcherType.REQUEST));
    }
    for (Filter filter : extras.filters()) {
      context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    extras
        .servlets()
        .forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    context.addServlet(
        new ServletHolder("api", new ServletContainer(new ApiApplication(apiComponents))),
        "/api/v1/*");
    if (streams != null) {
      streams.mount(context, WEBSOCKET_PATH);
    }
    Resource webRoot = ResourceFactory.of(context).newClassLoaderResource(WEB_ROOT);
    if (webRoot != null) {
      context.setBaseResource(webRoot);
      ServletHolder files = new ServletHolder("web", DefaultServlet.class);
      files.setInitParameter("dirAllowed", "false");
      context.addServlet(files, "/");
    } else {
      LOG.warn("web UI resources not on the classpath; serving the API only");
    }

    GracefulHandler graceful = new GracefulHandler(context);
    server.setHandler(graceful);
    server.setStopTimeout(config.stopTimeout().toMillis());
    server.setStopAtShutdown(false);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new HttpServerException(
          "cannot serve HTTP on "
              + config.host()
              + ":"
              + config.port()
              + " (is another process using it? set SHAREWISE_HTTP_PORT): "
              + e.getMessage(),
          e);
    }
    return new HttpServer(server, connector);
  }

  /** The bound port (useful when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Refuses new requests, lets the ones in flight finish, then stops. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new HttpServerException("HTTP server did not stop cleanly: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.atDebug().setCause(e).log("stopping a server that failed to start");
    }
  }
}

package com.sharewise.webui.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.node.Node;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real node for the browser tests: embedded PostgreSQL, a Hazelcast member on a free loopback
 * port, Felix with Declarative Services and the example plugins, HTTP on a free port, and the web
 * UI from the {@code sharewise-webui} jar on the class path. First start creates user {@code admin}
 * with {@link #ADMIN_PASSWORD}.
 */
final class E2eNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "e2e-admin-password-1";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Path home;
  final Node node;
  final String baseUrl;

  private E2eNode(Path home, Node node) {
    this.home = home;
    this.node = node;
    this.baseUrl = "http://127.0.0.1:" + node.httpPort();
  }

  /** Starts a node in {@code home} with the example plugins in its plugins folder. */
  static E2eNode start(Path home, Map<String, String> extraEnv) {
    try {
      Path plugins = Files.createDirectories(home.resolve("plugins"));
      for (String probe :
          new String[] {
            "com.sharewise.broker.paper.internal.PaperBrokerFactory",
            "com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory",
            "com.sharewise.indicators.internal.SmaIndicatorProvider"
          }) {
        Path jar = jarOf(probe);
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, String> env = new HashMap<>();
      env.put("SHAREWISE_HTTP_PORT", "0");
      env.put("SHAREWISE_CLUSTER_PORT", String.valueOf(freePort()));
      env.put("SHAREWISE_SYSTEM_BUNDLES_DIR", System.getProperty("sharewise.systemBundles"));
      env.put("SHAREWISE_ADMIN_PASSWORD", ADMIN_PASSWORD);
      // every test signs in through the page; keep the login rate limit out of the way
      env.put("SHAREWISE_LOGIN_LIMIT_PER_USER", "1000");
      env.put("SHAREWISE_LOGIN_LIMIT_PER_ADDRESS", "1000");
      // a browser, a node and the build share two cores: a cold rule evaluation may take longer
      // than the production budget, which would fail scenarios for reasons no user causes
      env.put("SHAREWISE_RULES_TIME_BUDGET_MILLIS", "2000");
      // the simulator trades around the clock, so quotes move whenever the tests run
      env.put("SHAREWISE_MARKETDATA_SIMULATOR_ALWAYS_OPEN", "true");
      env.putAll(extraEnv);
      NodeConfig config = ConfigLoader.load(home, home.resolve("conf/sharewise.yaml"), env);
      return new E2eNode(home, Node.start(config, Clock.systemUTC()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jarOf(String className) {
    try {
      Path location =
          Path.of(
              Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!location.toString().endsWith(".jar")) {
        throw new IllegalStateException(className + " must come from a packaged jar (mvn verify)");
      }
      return location;
    } catch (ReflectiveOperationException | URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + className, e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A REST call with an optional bearer token; the response whatever its status. */
  HttpResponse<String> call(String method, String path, String token, String jsonBody) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Accept", "application/json");
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Boolean hasLogin;

  /** True when the node has sign-in (the security part is installed). */
  synchronized boolean hasLogin() {
    if (hasLogin == null) {
      hasLogin = call("GET", "/api/v1/auth/login", null, null).statusCode() != 404;
    }
    return hasLogin;
  }

  /** True when {@code GET path} exists on this node (anything but 404 "no resource"). */
  boolean has(String path, String token) {
    HttpResponse<String> r = call("GET", path, token, null);
    return !(r.statusCode() == 404 && r.body().contains("no resource at"));
  }

  /** Logs in through the API; the access token, or null when the node has no sign-in. */
  String token(String user, String password) {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/v1/auth/login",
            null,
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    if (r.statusCode() == 404) {
      return null;
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + r.body());
    }
    return json(r.body()).path("accessToken").asText();
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    node.close();
  }
}

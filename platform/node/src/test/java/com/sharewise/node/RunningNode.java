package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real node for integration tests: embedded PostgreSQL, a Hazelcast member on a free loopback
 * port, Felix with Declarative Services and the example plugins, HTTP on a free port.
 */
final class RunningNode implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Path home;
  final Node node;

  private RunningNode(Path home, Node node) {
    this.home = home;
    this.node = node;
  }

  /** The first admin's password every test node is started with. */
  static final String ADMIN_PASSWORD = "admin-password-for-tests";

  /** Starts a node in {@code home}, shipping the example plugins into its plugins folder. */
  static RunningNode start(Path home) {
    return start(home, Map.of());
  }

  /** The environment of a test node: free ports, the test admin password, and {@code extra}. */
  static Map<String, String> env(Map<String, String> extra) throws IOException {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("SHAREWISE_HTTP_PORT", "0");
    env.put("SHAREWISE_CLUSTER_PORT", String.valueOf(freePort()));
    env.put("SHAREWISE_SYSTEM_BUNDLES_DIR", System.getProperty("sharewise.systemBundles"));
    env.put("SHAREWISE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.putAll(extra);
    return env;
  }

  /** Starts a node with extra environment variables. */
  static RunningNode start(Path home, Map<String, String> extraEnv) {
    return start(home, extraEnv, Clock.systemUTC());
  }

  /** Starts a node with extra environment variables and its own clock (tests that move time). */
  static RunningNode start(Path home, Map<String, String> extraEnv, Clock clock) {
    try {
      Path plugins = Files.createDirectories(home.resolve("plugins"));
      for (String probe :
          new String[] {
            "com.sharewise.broker.paper.internal.PaperBrokerFactory",
            "com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory",
            "com.sharewise.indicators.internal.SmaIndicatorProvider"
          }) {
        Path jar = jarOf(probe);
        Path target = plugins.resolve(jar.getFileName());
        if (!Files.exists(target)) {
          Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      NodeConfig config =
          ConfigLoader.load(home, home.resolve("conf/sharewise.yaml"), env(extraEnv));
      Node node = Node.start(config, clock);
      // tests start from a node whose every area is ready (health UP), as an operator would
      if (!node.awaitReady(Duration.ofMinutes(2))) {
        node.close();
        throw new IllegalStateException("the node did not get ready within 2 minutes");
      }
      return new RunningNode(home, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jarOf(String className) {
    try {
      Path location =
          Path.of(
              Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(location.toString())
          .as("plugin %s must be a packaged jar (run mvn verify)", className)
          .endsWith(".jar");
      return location;
    } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + className, e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      try {
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        // The server may close a kept-alive connection (e.g. after refusing a request whose body it
        // did not read) just as the client takes it from its pool for the next request; the request
        // then never reached the server. Send it once more on a fresh connection, as browsers do.
        if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
          throw e;
        }
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request carrying the admin's access token (logging in on first use). */
  HttpRequest.Builder request(String path) {
    return anonymous(path).header("Authorization", "Bearer " + adminToken());
  }

  /** A request without a token. */
  HttpRequest.Builder anonymous(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .timeout(Duration.ofSeconds(30));
  }

  private String adminToken;

  synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD).path("accessToken").asText();
    }
    return adminToken;
  }

  /** Logs in and returns the token document; fails the test unless it answers 200. */
  JsonNode login(String username, String password) {
    HttpResponse<String> response =
        send(
            anonymous("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    assertThat(response.statusCode()).as("login %s: %s", username, response.body()).isEqualTo(200);
    return parse(response.body());
  }

  JsonNode getJson(String path) {
    HttpResponse<String> response = send(request(path).GET());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return parse(response.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code path} until its JSON satisfies {@code condition}, for up to 15 s. */
  JsonNode awaitJson(String path, Predicate<JsonNode> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send(request(path).GET());
      if (response.statusCode() == 200) {
        last = parse(response.body());
        if (condition.test(last)) {
          return last;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last " + path + ": " + last);
  }

  @Override
  public void close() {
    node.close();
  }
}

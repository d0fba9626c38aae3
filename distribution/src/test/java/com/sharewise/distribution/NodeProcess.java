package com.sharewise.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The assembled distribution's {@code bin/sharewise} run as a separate process, as an operator runs
 * it: its own data folder, HTTP and Hazelcast on free loopback ports, the console appended to
 * {@code console.log} in the data folder. For the process-level integration tests and for the
 * benchmarks (cold start, orders), which measure or break a real node from outside.
 *
 * <p>{@code bin/sharewise} {@code exec}s the JVM, so the launched process is the node's JVM; the
 * embedded PostgreSQL it starts is a child process of its own. Not thread-safe: one owner starts,
 * waits for, stops or kills it.
 */
public final class NodeProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(500))
          .build();

  private final Path distribution;
  private final Path data;
  private final Map<String, String> env;
  private final int httpPort;
  private final Process process;

  private NodeProcess(
      Path distribution, Path data, Map<String, String> env, int httpPort, Process process) {
    this.distribution = distribution;
    this.data = data;
    this.env = env;
    this.httpPort = httpPort;
    this.process = process;
  }

  /**
   * The distribution folder named by the system property {@code sharewise.distribution} ({@code
   * distribution/target/sharewise}).
   *
   * @throws IllegalStateException when it is not set or holds no {@code bin/sharewise}
   */
  public static Path distribution() {
    String folder = System.getProperty("sharewise.distribution");
    if (folder == null || folder.isBlank()) {
      throw new IllegalStateException(
          "set -Dsharewise.distribution to the assembled distribution (distribution/target/sharewise)");
    }
    Path launcher = Path.of(folder).resolve("bin/sharewise");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(
          launcher + " is missing: build the distribution first (./mvnw install -DskipTests)");
    }
    return Path.of(folder);
  }

  /**
   * Launches {@code bin/sharewise} on {@code data} with HTTP and the cluster on free loopback
   * ports; returns at once (see {@link #awaitHealthy}).
   *
   * @param env environment variables added to this process's own (settings such as {@code
   *     SHAREWISE_ADMIN_PASSWORD})
   */
  public static NodeProcess launch(Path distribution, Path data, Map<String, String> env)
      throws IOException {
    return launch(distribution, data, Map.copyOf(env), freePort());
  }

  private static NodeProcess launch(
      Path distribution, Path data, Map<String, String> env, int httpPort) throws IOException {
    Files.createDirectories(data);
    ProcessBuilder builder =
        new ProcessBuilder(distribution.resolve("bin/sharewise").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("console.log").toFile()));
    Map<String, String> environment = new HashMap<>(env);
    environment.put("SHAREWISE_DATA_DIR", data.toString());
    environment.put("SHAREWISE_HTTP_PORT", String.valueOf(httpPort));
    // never Hazelcast's default 5701+, which another node on this machine may use
    environment.put("SHAREWISE_CLUSTER_PORT", String.valueOf(freePort()));
    builder.environment().putAll(environment);
    return new NodeProcess(distribution, data, env, httpPort, builder.start());
  }

  /**
   * Launches the node again on the same data folder, HTTP port and settings, as an operator
   * restarts it after a crash. This process must have exited.
   */
  public NodeProcess restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("the node (PID " + process.pid() + ") is still running");
    }
    return launch(distribution, data, env, httpPort);
  }

  /**
   * Waits until {@code GET /api/v1/health} answers UP (every part started, the rules compiled).
   *
   * @return this node
   * @throws IllegalStateException when the process exits first (with the end of its console)
   * @throws TimeoutException when it is not healthy in time
   */
  public NodeProcess awaitHealthy(Duration timeout) throws InterruptedException, TimeoutException {
    HttpRequest health =
        HttpRequest.newBuilder(uri("/api/v1/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node exited with status "
                + process.exitValue()
                + " before it was healthy; console:\n"
                + consoleTail());
      }
      try {
        HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
          return this;
        }
      } catch (IOException notYetListening) {
        // the port opens only once every part has started
      }
      Thread.sleep(20);
    }
    throw new TimeoutException(
        "node not healthy within " + timeout.toSeconds() + " s; console:\n" + consoleTail());
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  public int httpPort() {
    return httpPort;
  }

  /** The node's data folder ({@code SHAREWISE_DATA_DIR}). */
  public Path data() {
    return data;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the node gracefully (SIGTERM) and waits for the process to exit.
   *
   * @return how long the stop took
   * @throws TimeoutException when it is still running after {@code timeout}
   */
  public Duration stop(Duration timeout) throws InterruptedException, TimeoutException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException(
          "node did not stop within " + timeout.toSeconds() + " s of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Kills the node's JVM with SIGKILL, as a crash or the OOM killer would, and waits until it is
   * gone. Only the JVM: its embedded PostgreSQL keeps running, orphaned, exactly as after a real
   * crash (the next start must cope with it).
   */
  public void kill() throws InterruptedException {
    ProcessHandle jvm = jvm();
    jvm.destroyForcibly();
    jvm.onExit().join();
    process.waitFor();
  }

  /** The JVM: the launched process itself, since the launcher {@code exec}s java. */
  private ProcessHandle jvm() {
    ProcessHandle launched = process.toHandle();
    if (isJava(launched)) {
      return launched;
    }
    // a launcher that forks instead of exec-ing java: its java child is the node
    return launched
        .children()
        .filter(NodeProcess::isJava)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "cannot find the node's JVM under PID " + launched.pid()));
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
  }

  /**
   * Stops the node if it still runs (gracefully, then forcibly), and a PostgreSQL server a killed
   * node left running on this data folder.
   */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          stop(Duration.ofSeconds(60));
        } catch (TimeoutException e) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      stopOrphanedPostgres();
    }
  }

  private void stopOrphanedPostgres() {
    Path pidFile = data.resolve("postgres/postmaster.pid");
    Optional<ProcessHandle> postgres;
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.getFirst().isBlank()) {
        return;
      }
      postgres = ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
    } catch (IOException | NumberFormatException unreadable) {
      return; // nothing this test can identify as its own server
    }
    Optional<ProcessHandle> ours =
        postgres.filter(
            p ->
                p.isAlive()
                    && p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false));
    if (ours.isPresent()) {
      ours.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, nobody is connected any more
      try {
        ours.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        ours.get().destroyForcibly();
      } catch (InterruptedException e) {
        ours.get().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The last lines of the node's console, for failure messages. */
  public String consoleTail() {
    try {
      List<String> lines = Files.readAllLines(data.resolve("console.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no console: " + e.getMessage() + ")";
    }
  }

  /** A free TCP port on the loopback interface. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

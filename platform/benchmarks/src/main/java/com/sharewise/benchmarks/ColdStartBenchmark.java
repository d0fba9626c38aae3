package com.sharewise.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Time from launching {@code bin/sharewise} to {@code GET /api/v1/health} answering UP, as an
 * operator experiences it: a fresh data folder (initdb, first migrations) and a warm one (an
 * existing database), each with the example plugins. Also how long a graceful SIGTERM stop takes.
 */
final class ColdStartBenchmark implements Benchmark {

  private static final int RUNS = 5;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  @Override
  public String name() {
    return "coldstart";
  }

  @Override
  public void run(Results results) throws Exception {
    Path distribution = Path.of(System.getProperty("sharewise.distribution"));
    Path launcher = distribution.resolve("bin/sharewise");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(
          launcher + " is missing: build the distribution first (./mvnw install -DskipTests)");
    }
    List<Long> fresh = new ArrayList<>();
    List<Long> warm = new ArrayList<>();
    List<Long> stops = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path data = Files.createTempDirectory("sharewise-bench-data");
      fresh.add(startToHealthy(launcher, data, stops));
      warm.add(startToHealthy(launcher, data, stops));
    }
    results.add(
        "node.coldStart.freshData",
        "bin/sharewise → health UP, empty data folder (initdb)",
        Stats.ofNanos(fresh));
    results.add(
        "node.coldStart.warmData",
        "bin/sharewise → health UP, existing database",
        Stats.ofNanos(warm));
    results.add("node.gracefulStop", "SIGTERM → process exited", Stats.ofNanos(stops));
  }

  private static long startToHealthy(Path launcher, Path data, List<Long> stops) throws Exception {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
    builder.redirectOutput(data.resolve("console.log").toFile());
    builder.environment().put("SHAREWISE_DATA_DIR", data.toString());
    builder.environment().put("SHAREWISE_HTTP_PORT", String.valueOf(port));
    builder.environment().put("SHAREWISE_CLUSTER_PORT", String.valueOf(freePort()));
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      awaitHealthy(port, process);
      long healthy = System.nanoTime() - start;
      long stopping = System.nanoTime();
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new TimeoutException("node did not stop within 60 s of SIGTERM");
      }
      stops.add(System.nanoTime() - stopping);
      return healthy;
    } finally {
      process.destroyForcibly();
    }
  }

  private static void awaitHealthy(int port, Process process) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node exited with status " + process.exitValue() + " before it was healthy");
      }
      try {
        HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port opens only once every part has started
      }
      Thread.sleep(20);
    }
    throw new TimeoutException("node not healthy within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

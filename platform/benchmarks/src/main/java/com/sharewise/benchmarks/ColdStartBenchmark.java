package com.sharewise.benchmarks;

import com.sharewise.distribution.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time from launching {@code bin/sharewise} to {@code GET /api/v1/health} answering UP, as an
 * operator experiences it: a fresh data folder (initdb, first migrations) and a warm one (an
 * existing database), each with the example plugins. Also how long a graceful SIGTERM stop takes.
 * The process is run by {@link NodeProcess}, as the process-level tests run it.
 */
final class ColdStartBenchmark implements Benchmark {

  private static final int RUNS = 5;

  @Override
  public String name() {
    return "coldstart";
  }

  @Override
  public void run(Results results) throws Exception {
    Path distribution = NodeProcess.distribution();
    List<Long> fresh = new ArrayList<>();
    List<Long> warm = new ArrayList<>();
    List<Long> stops = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path data = Files.createTempDirectory("sharewise-bench-data");
      try {
        fresh.add(startToHealthy(distribution, data, stops));
        warm.add(startToHealthy(distribution, data, stops));
      } finally {
        OrderBenchmark.deleteQuietly(data);
      }
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

  private static long startToHealthy(Path distribution, Path data, List<Long> stops)
      throws Exception {
    long start = System.nanoTime();
    try (NodeProcess node = NodeProcess.launch(distribution, data, Map.of())) {
      node.awaitHealthy(Duration.ofSeconds(60));
      long healthy = System.nanoTime() - start;
      stops.add(node.stop(Duration.ofSeconds(60)).toNanos());
      return healthy;
    }
  }
}

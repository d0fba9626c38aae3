package com.sharewise.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks one after another (the machines have two cores; running two at once would
 * measure their contention) and writes the figures to the results folder.
 *
 * <p>Usage: {@code RunAll [all | name,name…]}.
 */
public final class RunAll {

  private static final Logger LOG = LoggerFactory.getLogger(RunAll.class);

  private RunAll() {}

  public static void main(String[] args) throws Exception {
    List<Benchmark> all =
        List.of(
            new PluginLifecycleBenchmark(),
            new ColdStartBenchmark(),
            new IndicatorBatchBenchmark(),
            new StreamFanOutBenchmark(),
            new RiskCheckBenchmark(),
            new RuleSwapBenchmark(),
            new MarketDataBenchmark(),
            new OrderBenchmark(),
            new BacktestBenchmark());
    Set<String> wanted =
        args.length == 0 || args[0].isBlank() || args[0].equals("all")
            ? all.stream().map(Benchmark::name).collect(Collectors.toSet())
            : Arrays.stream(args[0].split(",")).map(String::trim).collect(Collectors.toSet());
    Results results = new Results();
    for (Benchmark benchmark : all) {
      if (wanted.contains(benchmark.name())) {
        LOG.info("running benchmark {}", benchmark.name());
        benchmark.run(results);
      }
    }
    Path folder = Path.of(System.getProperty("sharewise.results", "platform/benchmarks/results"));
    String table = results.write(folder, environment());
    LOG.info("results written to {}\n{}", folder.toAbsolutePath(), table);
  }

  private static Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    environment.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return environment;
  }
}

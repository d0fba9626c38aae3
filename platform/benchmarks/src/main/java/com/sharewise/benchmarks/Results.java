package com.sharewise.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects figures from one run and merges them into {@code latest.json} (for tools) and {@code
 * latest.md} (for people) in the results folder.
 */
public final class Results {

  private final Map<String, Object> figures = new LinkedHashMap<>();

  /** Records a latency sample's statistics under {@code name}. */
  public void add(String name, String description, Stats stats) {
    figures.put(name, Map.of("description", description, "stats", stats));
  }

  /**
   * Merges this run's figures into the results folder's {@code latest.json} (figures of benchmarks
   * not run this time are kept, with their own dates) and rewrites {@code latest.md} from it.
   *
   * @return the Markdown table of every figure
   */
  public String write(Path folder, Map<String, String> environment) {
    Path json = folder.resolve("latest.json");
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      Files.createDirectories(folder);
      Map<String, Object> merged = new java.util.TreeMap<>();
      if (Files.exists(json)) {
        Map<String, Object> previous = mapper.readValue(json.toFile(), MAP);
        Object old = previous.get("figures");
        if (old instanceof Map<?, ?> oldFigures) {
          oldFigures.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
      }
      String now = Instant.now().toString();
      figures.forEach(
          (name, figure) -> {
            Map<String, Object> dated = new LinkedHashMap<>(asMap(figure));
            dated.put("measuredAt", now);
            dated.put("environment", environment);
            merged.put(name, dated);
          });
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("updatedAt", now);
      document.put("figures", merged);
      mapper.writeValue(json.toFile(), document);
      String table = table(mapper, merged);
      Files.writeString(
          folder.resolve("latest.md"),
          "# Benchmark results\n\nMedians and tails per benchmark, each from its latest run (`platform/benchmarks/run`).\n\n"
              + table);
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + folder, e);
    }
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static Map<String, Object> asMap(Object figure) {
    return new ObjectMapper().convertValue(figure, MAP);
  }

  private static String table(ObjectMapper mapper, Map<String, Object> figures) {
    StringBuilder table =
        new StringBuilder(
            "| benchmark | what | n | median ms | p90 ms | p99 ms | max ms | measured |\n|---|---|---|---|---|---|---|---|\n");
    figures.forEach(
        (name, value) -> {
          Map<String, Object> figure = asMap(value);
          Object stats = figure.get("stats");
          if (stats instanceof Map<?, ?> s) {
            table.append(
                String.format(
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    name,
                    figure.get("description"),
                    s.get("count"),
                    s.get("medianMs"),
                    s.get("p90Ms"),
                    s.get("p99Ms"),
                    s.get("maxMs"),
                    figure.get("measuredAt")));
          } else {
            table.append(
                String.format(
                    "| %s | %s | | %s | | | | %s |%n",
                    name,
                    figure.get("description"),
                    figure.get("value"),
                    figure.get("measuredAt")));
          }
        });
    return table.toString();
  }

  /** Records a single figure that is not a latency sample (a rate, a ratio) under {@code name}. */
  public void addValue(String name, String description, double value, String unit) {
    figures.put(name, Map.of("description", description + " (" + unit + ")", "value", value));
  }
}

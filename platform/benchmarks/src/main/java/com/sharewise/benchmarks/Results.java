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
 * Collects figures from one run and writes them as {@code latest.json} (for tools) and {@code
 * latest.md} (for people) into the results folder.
 */
public final class Results {

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final StringBuilder markdown = new StringBuilder();

  /** Records a latency sample's statistics under {@code name}. */
  public void add(String name, String description, Stats stats) {
    figures.put(name, Map.of("description", description, "stats", stats));
    markdown.append(
        String.format(
            "| %s | %s | %d | %.2f | %.2f | %.2f |%n",
            name, description, stats.count(), stats.medianMs(), stats.p90Ms(), stats.maxMs()));
  }

  /** Writes the files and returns the Markdown table. */
  public String write(Path folder, Map<String, String> environment) {
    String table =
        "| benchmark | what | n | median ms | p90 ms | max ms |\n|---|---|---|---|---|---|\n"
            + markdown;
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("finishedAt", Instant.now().toString());
    document.put("environment", environment);
    document.put("figures", figures);
    try {
      Files.createDirectories(folder);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(folder.resolve("latest.json").toFile(), document);
      StringBuilder md = new StringBuilder("# Benchmark results\n\n");
      environment.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
      md.append('\n').append(table);
      Files.writeString(folder.resolve("latest.md"), md);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + folder, e);
    }
    return table;
  }
}

package com.sharewise.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/sharewise} as an operator runs it, with their own JVM options. */
class LauncherIT {

  @Test
  void aCollectorNamedInTheJavaOptionsReplacesTheDefaultOne() throws Exception {
    Result result = run("-XX:+UseSerialGC -Xlog:gc=info");
    assertThat(result.output()).doesNotContain("Multiple garbage collectors selected");
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("Using Serial").contains("Usage: sharewise");
  }

  @Test
  void withoutOneTheNodeRunsTheParallelCollector() throws Exception {
    Result result = run("-Xlog:gc=info");
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("Using Parallel");
  }

  private static Result run(String javaOptions) throws IOException, InterruptedException {
    Path console = Files.createTempFile("launcher", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(NodeProcess.distribution().resolve("bin/sharewise").toString(), "--help")
            .redirectErrorStream(true)
            .redirectOutput(console.toFile());
    builder.environment().put("SHAREWISE_JAVA_OPTS", javaOptions);
    // no class archive is built or used around a help screen
    builder.environment().put("SHAREWISE_CLASS_CACHE", "off");
    Process process = builder.start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("bin/sharewise --help did not finish in 60 s");
      }
      return new Result(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(console);
    }
  }

  private record Result(int exitCode, String output) {}
}

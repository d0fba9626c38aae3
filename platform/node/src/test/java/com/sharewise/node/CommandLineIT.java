package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/sharewise}'s entry point run as a separate process, as an operator runs it. */
class CommandLineIT {

  @TempDir Path home;

  @Test
  void aWrongSettingStopsStartUpWithOneClearMessageAndExitStatus2() throws Exception {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/sharewise.yaml"), "http:\n  port: 8080\n  hots: x\n");

    Result result = run(List.of("start"), "SHAREWISE_CLUSTER_PORT", "not-a-port");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("ShareWise cannot start: invalid configuration")
        .contains("unknown setting 'http.hots'")
        .contains(
            "SHAREWISE_CLUSTER_PORT must be a whole number from 1 to 65535, got 'not-a-port'");
  }

  @Test
  void helpListsTheTools() throws Exception {
    Result result = run(List.of("--help"), "SHAREWISE_HTTP_PORT", "0");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("start").contains("plugin");
  }

  @Test
  void pluginInstallRefusesAJarThatIsNotABundle() throws Exception {
    Path junk = home.resolve("junk.jar");
    Files.writeString(junk, "not a jar");

    Result result = run(List.of("plugin", "install", junk.toString()), "SHAREWISE_HTTP_PORT", "0");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("is not an OSGi bundle");
    assertThat(home.resolve("plugins/junk.jar")).doesNotExist();
  }

  private record Result(int exit, String out, String err) {}

  private Result run(List<String> args, String envName, String envValue)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                "-Dsharewise.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "com.sharewise.node.cli.Main"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(envName, envValue);
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sharewise " + args + " did not finish in 60 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

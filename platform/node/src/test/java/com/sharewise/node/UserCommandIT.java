package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/sharewise user …} and {@code audit verify}, run as an operator runs them. */
class UserCommandIT {

  @TempDir Path home;

  @Test
  void aUserAddedOnTheCommandLineCanLogInAndVerifyCatchesATamperedAuditRow() throws Exception {
    Result added =
        run("trader-password-1\n", "user", "add", "carl", "--role", "TRADER", "--password-stdin");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("added carl [TRADER]");

    Result duplicate =
        run("another-password\n", "user", "add", "carl", "--role", "TRADER", "--password-stdin");
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).contains("already exists");

    try (RunningNode node = RunningNode.start(home)) {
      assertThat(node.login("carl", "trader-password-1").path("accessToken").asText()).isNotEmpty();
    }

    Result intact = run("", "audit", "verify");
    assertThat(intact.exit()).as(intact.err()).isZero();
    assertThat(intact.out()).contains("chain intact");

    try (Store store = Store.open(StoreConfig.embedded(home.resolve("data")))) {
      store.dsl().execute("alter table audit_log disable trigger user");
      store.dsl().execute("update audit_log set actor = 'mallory' where seq = 1");
      store.dsl().execute("alter table audit_log enable trigger user");
    }
    Result tampered = run("", "audit", "verify");
    assertThat(tampered.exit()).isEqualTo(3);
    assertThat(tampered.err()).contains("TAMPERED").contains("entry 1");
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String stdin, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Dsharewise.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "com.sharewise.node.cli.Main"));
    command.addAll(List.of(args));
    Path in = Files.writeString(home.resolve("in.txt"), stdin);
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sharewise " + List.of(args) + " did not finish in 90 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

package com.sharewise.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmastersTest {
  @TempDir Path dir;

  @Test
  void pidFileOfADeadProcessIsRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writePidFile(gone.pid());

    Postmasters.clearLeftovers(dir, Duration.ofSeconds(1));

    assertThat(dir.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void pidFileNamingALiveNonPostgresProcessIsRemoved() throws Exception {
    // PID reuse after a crash: the PID now belongs to something else (here: this JVM).
    writePidFile(ProcessHandle.current().pid());

    Postmasters.clearLeftovers(dir, Duration.ofSeconds(1));

    assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void garbagePidFileIsRemoved() throws Exception {
    Files.writeString(dir.resolve("postmaster.pid"), "not a pid\n");

    Postmasters.clearLeftovers(dir, Duration.ofSeconds(1));

    assertThat(dir.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void noPidFileIsFine() {
    Postmasters.clearLeftovers(dir, Duration.ofSeconds(1));

    assertThat(Postmasters.readPid(dir)).isEmpty();
  }

  @Test
  void recognisesTheDataDirectoryArgument() {
    String[] args = {"-D", dir.resolve("x/../pg").toString(), "-p", "5432"};

    assertThat(Postmasters.servesDirectory(args, dir.resolve("pg"))).isTrue();
    assertThat(Postmasters.servesDirectory(args, dir.resolve("other"))).isFalse();
    assertThat(Postmasters.servesDirectory(new String[] {"-D"}, dir)).isFalse();
  }

  private void writePidFile(long pid) throws Exception {
    Files.writeString(
        dir.resolve("postmaster.pid"), pid + "\n" + dir + "\n1700000000\n5432\n\n127.0.0.1\n");
  }
}

package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.pluginhost.internal.FileStabilizer.Changes;
import com.sharewise.pluginhost.internal.FileStabilizer.Stamp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileStabilizerTest {

  private static final long MS = 1_000_000;
  private final FileStabilizer stabilizer = new FileStabilizer(200 * MS);
  private final Path jar = Path.of("plugins/a.jar");

  @Test
  void aGrowingFileIsReportedOnlyOnceItStoppedChangingForTheQuietPeriod() {
    assertThat(stabilizer.observe(Map.of(jar, new Stamp(10, 1)), 0).settling()).isTrue();
    assertThat(stabilizer.observe(Map.of(jar, new Stamp(20, 2)), 150 * MS).ready()).isEmpty();
    Changes early = stabilizer.observe(Map.of(jar, new Stamp(20, 2)), 300 * MS);
    assertThat(early.ready()).isEmpty();
    assertThat(early.settling()).isTrue();

    Changes settled = stabilizer.observe(Map.of(jar, new Stamp(20, 2)), 351 * MS);

    assertThat(settled.ready()).containsExactly(jar);
    assertThat(settled.settling()).isFalse();
    assertThat(stabilizer.observe(Map.of(jar, new Stamp(20, 2)), 900 * MS).ready()).isEmpty();
  }

  @Test
  void aRewrittenFileIsReportedAgainAndADeletedOneAsRemoved() {
    stabilizer.seed(Map.of(jar, new Stamp(20, 2)), 0);
    assertThat(stabilizer.observe(Map.of(jar, new Stamp(20, 2)), 500 * MS).ready()).isEmpty();

    stabilizer.observe(Map.of(jar, new Stamp(20, 3)), 600 * MS);
    assertThat(stabilizer.observe(Map.of(jar, new Stamp(20, 3)), 800 * MS).ready())
        .containsExactly(jar);

    Changes gone = stabilizer.observe(Map.of(), 900 * MS);
    assertThat(gone.removed()).containsExactly(jar);
    assertThat(gone.ready()).isEmpty();
  }
}

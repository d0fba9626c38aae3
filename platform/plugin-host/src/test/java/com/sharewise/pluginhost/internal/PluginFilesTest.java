package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFilesTest {

  @TempDir Path dir;

  @Test
  void onlyPlainJarNamesAreAccepted() {
    assertThat(PluginFiles.isValidFileName("sma-crossover-1.0.0.jar")).isTrue();
    assertThat(PluginFiles.isValidFileName("../x.jar")).isFalse();
    assertThat(PluginFiles.isValidFileName("a/b.jar")).isFalse();
    assertThat(PluginFiles.isValidFileName(".hidden.jar")).isFalse();
    assertThat(PluginFiles.isValidFileName("x.zip")).isFalse();
    assertThat(PluginFiles.isPluginFile(Path.of(".x.jar-123.tmp"))).isFalse();
    assertThat(PluginFiles.isPluginFile(Path.of("x.jar"))).isTrue();
  }

  @Test
  void defaultNameIsSymbolicNameAndVersion() {
    BundleHeaders headers = new BundleHeaders("com.example.sma", "1.2.0", null, Optional.empty());
    assertThat(PluginFiles.defaultFileName(headers)).isEqualTo("com.example.sma-1.2.0.jar");
  }

  @Test
  void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    PluginFiles.writeAtomically(dir, "a.jar", new byte[] {1});
    PluginFiles.writeAtomically(dir, "a.jar", new byte[] {2, 3});

    assertThat(dir.resolve("a.jar")).hasBinaryContent(new byte[] {2, 3});
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }
}

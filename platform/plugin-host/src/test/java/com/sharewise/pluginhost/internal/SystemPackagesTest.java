package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemPackagesTest {

  @Test
  void spiPackagesAreExportedWithTheirVersionsFromTheApiJarsOwnManifest() {
    List<String> spi = SystemPackages.exportsOf(Tick.class).orElseThrow();

    assertThat(spi)
        .contains(
            "com.sharewise.api.strategy;version=\"1.0.0\"",
            "com.sharewise.api.broker;version=\"1.0.0\"",
            "com.sharewise.api.indicator;version=\"1.1.0\"",
            "com.sharewise.api.market;version=\"1.2.0\"",
            "com.sharewise.api.trading;version=\"1.1.0\"");
    assertThat(spi).noneMatch(clause -> clause.contains("uses:="));
  }

  @Test
  void hostExportsSpiTa4jAndSlf4jOnly() {
    List<String> packages =
        ManifestHeaders.split(SystemPackages.forHost(), ',').stream()
            .map(ManifestHeaders::firstPath)
            .toList();

    assertThat(packages).contains("com.sharewise.api.strategy", "org.ta4j.core", "org.slf4j");
    assertThat(packages)
        .allMatch(
            p ->
                p.startsWith("com.sharewise.api.")
                    || p.startsWith("org.ta4j.")
                    || p.startsWith("org.slf4j"));
    assertThat(SystemPackages.forHost())
        .doesNotContain("uses:=")
        .contains("org.slf4j;version=\"2.0.17\"");
  }
}

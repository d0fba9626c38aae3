package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.pluginhost.TestBundles;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node stored survives stopping it and starting a new one on the same data folder. */
class NodeRestartIT {

  @TempDir Path home;

  @Test
  void pluginsAndTheirHistorySurviveARestart() {
    try (RunningNode first = RunningNode.start(home)) {
      byte[] jar = TestBundles.strategy("com.example.meanrev", "1.0.0", "meanrev", "v1").build();
      first.send(
          first
              .request("/api/v1/plugins")
              .header("Content-Type", "application/java-archive")
              .header("X-File-Name", "meanrev.jar")
              .POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
      first.awaitJson(
          "/api/v1/plugins/com.example.meanrev/history", h -> h.size() == 1, "install recorded");
    }

    try (RunningNode second = RunningNode.start(home)) {
      JsonNode plugin = second.getJson("/api/v1/plugins/com.example.meanrev");
      assertThat(plugin.path("state").asText()).isEqualTo("ACTIVE");
      JsonNode history =
          second.awaitJson(
              "/api/v1/plugins/com.example.meanrev/history",
              h -> h.size() >= 2,
              "history from both runs");
      // The first run's install is still there, read back from PostgreSQL, next to the second
      // run's.
      assertThat(history.findValuesAsText("action")).containsExactly("INSTALLED", "INSTALLED");
      assertThat(second.getJson("/api/v1/health").at("/checks/store/status").asText())
          .isEqualTo("UP");
    }
  }
}

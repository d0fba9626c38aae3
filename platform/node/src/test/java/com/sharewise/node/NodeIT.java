package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.pluginhost.TestBundles;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots one real node with the example plugins and drives it through its public API. */
class NodeIT {

  @TempDir static Path home;
  private static RunningNode running;
  private static long startMillis;

  @BeforeAll
  static void start() {
    long started = System.nanoTime();
    running = RunningNode.start(home);
    startMillis = (System.nanoTime() - started) / 1_000_000;
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void isHealthyWithinTenSecondsWithEveryPartUp() {
    HttpResponse<String> response = running.send(running.anonymous("/api/v1/health").GET());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = RunningNode.parse(response.body());

    assertThat(startMillis).isLessThan(10_000);
    assertThat(health.path("status").asText()).isEqualTo("UP");
    for (String part : List.of("store", "grid", "pluginHost")) {
      assertThat(health.path("checks").path(part).path("status").asText()).as(part).isEqualTo("UP");
    }
    assertThat(health.at("/checks/store/data/mode").asText()).isEqualTo("embedded");
  }

  @Test
  void servesThePaperBrokerTheSmaCrossoverStrategyAndTheIndicatorPack() {
    JsonNode plugins = running.getJson("/api/v1/plugins");

    assertThat(services(plugins))
        .contains(
            "BROKER BrokerAdapterFactory paper",
            "STRATEGY StrategyFactory sma-crossover",
            "INDICATOR IndicatorProvider sma",
            "INDICATOR IndicatorProvider ema",
            "INDICATOR IndicatorProvider rsi");
    for (JsonNode plugin : plugins) {
      assertThat(plugin.path("state").asText()).as(plugin.path("id").asText()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aPluginIsInstalledUpdatedAndUninstalledThroughTheApiWithItsHistoryKept() {
    byte[] v1 = TestBundles.strategy("com.example.momentum", "1.0.0", "momentum-v1", "v1").build();
    byte[] v2 = TestBundles.strategy("com.example.momentum", "2.0.0", "momentum-v2", "v2").build();

    HttpResponse<String> installed =
        running.send(upload("POST", "/api/v1/plugins", "momentum.jar", v1));
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
    assertThat(services(running.getJson("/api/v1/plugins")))
        .contains("STRATEGY StrategyFactory momentum-v1");

    HttpResponse<String> updated =
        running.send(upload("PUT", "/api/v1/plugins/com.example.momentum", "momentum.jar", v2));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(RunningNode.parse(updated.body()).path("version").asText()).isEqualTo("2.0.0");
    assertThat(services(running.getJson("/api/v1/plugins")))
        .contains("STRATEGY StrategyFactory momentum-v2")
        .doesNotContain("STRATEGY StrategyFactory momentum-v1");

    HttpResponse<String> removed =
        running.send(running.request("/api/v1/plugins/com.example.momentum").DELETE());
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(
            running
                .send(running.request("/api/v1/plugins/com.example.momentum").GET())
                .statusCode())
        .isEqualTo(404);

    JsonNode history =
        running.awaitJson(
            "/api/v1/plugins/com.example.momentum/history",
            h -> h.size() >= 3,
            "three history entries");
    assertThat(history.findValuesAsText("action"))
        .containsExactly("UNINSTALLED", "UPDATED", "INSTALLED");
  }

  @Test
  void aBrokenJarIsRefusedWithItsReasonAndTheNodeStaysHealthy() {
    HttpResponse<String> notAJar =
        running.send(upload("POST", "/api/v1/plugins", "broken.jar", TestBundles.notAZip()));
    byte[] unresolvable =
        TestBundles.bundle("com.example.unresolvable")
            .importPackage("com.example.missing;version=\"[1.0,2)\"")
            .build();
    HttpResponse<String> missingImport =
        running.send(upload("POST", "/api/v1/plugins", "unresolvable.jar", unresolvable));

    assertThat(notAJar.statusCode()).isEqualTo(422);
    assertThat(notAJar.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missingImport.statusCode()).isEqualTo(422);
    assertThat(missingImport.body()).contains("com.example.missing");
    assertThat(Files.exists(home.resolve("plugins/broken.jar"))).isFalse();
    assertThat(running.getJson("/api/v1/health").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void droppingANewVersionIntoThePluginsFolderSwitchesBehaviourWithoutARestart() {
    Path plugins = home.resolve("plugins");
    TestBundles.drop(
        plugins,
        "breakout.jar",
        TestBundles.strategy("com.example.breakout", "1.0.0", "breakout-v1", "v1").build());
    running.awaitJson(
        "/api/v1/plugins",
        p -> services(p).contains("STRATEGY StrategyFactory breakout-v1"),
        "v1 from the folder");

    TestBundles.drop(
        plugins,
        "breakout.jar",
        TestBundles.strategy("com.example.breakout", "1.1.0", "breakout-v2", "v2").build());
    JsonNode after =
        running.awaitJson(
            "/api/v1/plugins",
            p -> services(p).contains("STRATEGY StrategyFactory breakout-v2"),
            "v2 from the folder");

    assertThat(services(after)).doesNotContain("STRATEGY StrategyFactory breakout-v1");
    assertThat(running.getJson("/api/v1/plugins/com.example.breakout").path("version").asText())
        .isEqualTo("1.1.0");
  }

  private static HttpRequest.Builder upload(
      String method, String path, String fileName, byte[] jar) {
    return running
        .request(path)
        .header("Content-Type", "application/java-archive")
        .header("X-File-Name", fileName)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(jar));
  }

  /** "KIND Type id" for every service of every plugin. */
  static List<String> services(JsonNode plugins) {
    List<String> services = new ArrayList<>();
    for (JsonNode plugin : plugins) {
      for (JsonNode service : plugin.path("services")) {
        services.add(
            plugin.path("kind").asText()
                + " "
                + service.path("type").asText()
                + " "
                + service.path("id").asText());
      }
    }
    return services;
  }
}

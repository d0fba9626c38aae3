package com.sharewise.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.server.health.HealthCheck.Result;
import com.sharewise.server.health.HealthResource.HealthDto;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

  private static HealthCheck check(String name, Result result) {
    return HealthCheck.of(name, () -> result);
  }

  private static final HealthCheck STORE = check("store", Result.up("ok", Map.of()));
  private static final HealthCheck RULES_COMPILING =
      check(
          "rules",
          Result.starting(
              "compiling the active rule sets; until they run, orders are rejected", Map.of()));

  @Test
  void aPartStillStartingKeepsTheNodeFromUpAndSaysWhy() {
    Response response = new HealthResource(List.of(STORE, RULES_COMPILING)).health();

    assertThat(response.getStatus()).isEqualTo(503);
    HealthDto body = (HealthDto) response.getEntity();
    assertThat(body.status()).isEqualTo("STARTING");
    assertThat(body.checks().get("store").status()).isEqualTo("UP");
    assertThat(body.checks().get("rules").status()).isEqualTo("STARTING");
    assertThat(body.checks().get("rules").detail()).contains("orders are rejected");
  }

  @Test
  void aPartDownOutweighsOneStarting() {
    HealthCheck grid = check("grid", Result.down("no members"));

    Response response = new HealthResource(List.of(RULES_COMPILING, grid, STORE)).health();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(((HealthDto) response.getEntity()).status()).isEqualTo("DOWN");
  }

  @Test
  void theNodeIsUpWhenEveryPartIs() {
    Response response =
        new HealthResource(List.of(STORE, check("rules", Result.up("running", Map.of())))).health();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(((HealthDto) response.getEntity()).status()).isEqualTo("UP");
  }

  @Test
  void aCheckThatThrowsIsDownWithTheError() {
    HealthCheck broken =
        HealthCheck.of(
            "feeds",
            () -> {
              throw new IllegalStateException("feed registry closed");
            });

    Response response = new HealthResource(List.of(STORE, broken)).health();

    HealthDto body = (HealthDto) response.getEntity();
    assertThat(body.status()).isEqualTo("DOWN");
    assertThat(body.checks().get("feeds").detail()).contains("feed registry closed");
  }
}

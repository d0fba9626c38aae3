package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.rules.packs.DefaultPacks;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules area in a real node: default packs active at start-up, a risk officer's version refused
 * or drafted, four eyes through real logins, activation, audit.
 */
class RulesNodeIT {

  @TempDir static Path home;
  private static RunningNode running;
  private static String asha;
  private static String ravi;

  @BeforeAll
  static void start() {
    running = RunningNode.start(home);
    for (String user : new String[] {"asha", "ravi"}) {
      HttpResponse<String> created =
          running.send(
              json(
                  "POST",
                  "/api/v1/users",
                  "{\"username\":\""
                      + user
                      + "\",\"password\":\""
                      + password(user)
                      + "\",\"roles\":[\"RISK_OFFICER\"]}",
                  running.adminToken()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    asha = running.login("asha", password("asha")).path("accessToken").asText();
    ravi = running.login("ravi", password("ravi")).path("accessToken").asText();
    running.awaitJson(
        "/api/v1/health",
        h -> h.at("/checks/rules/detail").asText().startsWith("rule sets running"),
        "rule sets compiled");
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  private static String password(String user) {
    return "rules-" + user + "-Passw0rd-for-tests";
  }

  private static HttpRequest.Builder json(String method, String path, String body, String token) {
    return running
        .anonymous(path)
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  private static String drl(String drl) {
    try {
      return RunningNode.JSON.writeValueAsString(Map.of("drl", drl, "comment", "node test"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDefaultPacksRunAsVersionOneOfEveryKind() {
    HttpResponse<String> kinds = running.send(json("GET", "/api/v1/rulesets", null, asha));

    assertThat(kinds.statusCode()).as(kinds.body()).isEqualTo(200);
    JsonNode body = RunningNode.parse(kinds.body());
    assertThat(body.findValuesAsText("kind")).containsExactly("signal", "risk", "workflow");
    assertThat(body.findValues("runningVersion")).allSatisfy(v -> assertThat(v.asInt()).isOne());
  }

  @Test
  void aRiskOfficersVersionGoesLiveOnlyAfterASecondOfficerApprovesIt() {
    HttpResponse<String> broken =
        running.send(
            json(
                "POST",
                "/api/v1/rulesets/risk/versions",
                drl(
                    "package x\nimport com.sharewise.rules.model.*;\nrule \"r\" when\n  Foo( )\nthen end\n"),
                asha));
    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);

    String stricter =
        DefaultPacks.of("risk").drl()
            + "\nrule \"no ZEEL during the review\"\nwhen\n"
            + "    $o : OrderIntent( instrument == \"NSE:ZEEL\" )\n"
            + "    $d : Decision()\nthen\n    $d.reject(\"ZEEL is under review\");\nend\n";
    HttpResponse<String> created =
        running.send(json("POST", "/api/v1/rulesets/risk/versions", drl(stricter), asha));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode version = RunningNode.parse(created.body());
    assertThat(version.path("scenariosPassed").asBoolean()).as(created.body()).isTrue();
    String base = "/api/v1/rulesets/risk/versions/" + version.path("version").asInt();

    assertThat(running.send(json("POST", base + "/submit", null, asha)).statusCode())
        .isEqualTo(200);
    assertThat(running.send(json("POST", base + "/approve", "{}", asha)).statusCode())
        .isEqualTo(403);
    assertThat(running.send(json("POST", base + "/approve", "{}", ravi)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> activated = running.send(json("POST", base + "/activate", null, ravi));

    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    assertThat(RunningNode.parse(activated.body()).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            RunningNode.parse(running.send(json("GET", "/api/v1/rulesets", null, ravi)).body())
                .findValues("runningVersion")
                .stream()
                .map(JsonNode::asInt))
        .contains(version.path("version").asInt());
  }
}

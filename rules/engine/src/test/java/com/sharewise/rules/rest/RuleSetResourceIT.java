package com.sharewise.rules.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.audit.AuditTrail;
import com.sharewise.rules.Rules;
import com.sharewise.rules.RulesSettings;
import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/rulesets} over real HTTP, behind the platform's access control. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleSetResourceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ASHA = "asha;RISK_OFFICER";
  private static final String RAVI = "ravi;RISK_OFFICER";

  private Store store;
  private Rules rules;
  private HttpServer http;

  @BeforeAll
  void start(@TempDir Path data) {
    store = Store.open(StoreConfig.embedded(data));
    rules =
        Rules.start(
            store.dsl(),
            new AuditTrail(store.dsl(), Clock.systemUTC()),
            null,
            null,
            Clock.systemUTC(),
            RulesSettings.defaults(),
            com.sharewise.rules.TestPacksAccess.all());
    http =
        HttpServer.start(
            new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(2)),
            List.of(TestUsers.feature(), new RuleSetResource(rules)));
  }

  @AfterAll
  void stop() {
    http.close();
    rules.close();
    store.close();
  }

  private HttpResponse<String> send(String method, String path, String user, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/v1" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", "Bearer " + user);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String drlBody(String drl) {
    try {
      return JSON.writeValueAsString(java.util.Map.of("drl", drl, "comment", "via HTTP"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSyntaxErrorIs422WithLineNumbers() {
    HttpResponse<String> response =
        send(
            "POST",
            "/rulesets/risk/versions",
            ASHA,
            drlBody(
                "package x\nimport com.sharewise.rules.model.*;\nrule \"r\"\nwhen\n  OrderIntent( quantity > )\nthen\nend\n"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).at("/errors/problems/0/line").asInt()).isEqualTo(5);
  }

  @Test
  void aForbiddenConstructIs422NamingIt() {
    HttpResponse<String> response =
        send(
            "POST",
            "/rulesets/risk/versions",
            ASHA,
            drlBody(
                "package x\nimport com.sharewise.rules.model.*;\nrule \"r\"\nwhen\n  $d : Decision()\nthen\n  System.exit(0);\nend\n"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).at("/errors/problems/0/message").asText())
        .contains("System is not allowed");
    assertThat(json(response).at("/errors/problems/0/line").asInt()).isEqualTo(7);
  }

  @Test
  void anUnknownKindIs404NamingTheValidKinds() {
    HttpResponse<String> response = send("GET", "/rulesets/margin/versions", ASHA, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("detail").asText()).contains("signal, risk, workflow");
  }

  @Test
  void aTraderCannotReadOrWriteRuleSets() {
    assertThat(send("GET", "/rulesets", "tara;TRADER", null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/rulesets/risk/versions", "tara;TRADER", null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aVersionIsCreatedSubmittedApprovedByAnotherOfficerAndActivated() {
    String drl = com.sharewise.rules.TestPacksAccess.riskStricter();
    HttpResponse<String> created = send("POST", "/rulesets/risk/versions", ASHA, drlBody(drl));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    int version = json(created).path("version").asInt();
    assertThat(json(created).path("status").asText()).isEqualTo("DRAFT");
    String base = "/rulesets/risk/versions/" + version;

    HttpResponse<String> early = send("POST", base + "/activate", ASHA, null);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(json(early).path("detail").asText()).contains("DRAFT");
    assertThat(send("POST", base + "/submit", ASHA, null).statusCode()).isEqualTo(200);
    HttpResponse<String> self = send("POST", base + "/approve", ASHA, "{\"comment\":\"me\"}");
    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(json(self).path("detail").asText()).contains("four eyes");
    assertThat(send("POST", base + "/approve", RAVI, "{\"comment\":\"ok\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> activated = send("POST", base + "/activate", RAVI, null);

    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    assertThat(json(activated).path("status").asText()).isEqualTo("ACTIVE");
    JsonNode kinds = json(send("GET", "/rulesets", "root;ADMIN", null));
    assertThat(kinds.findValues("runningVersion").stream().map(JsonNode::asInt)).contains(version);
    HttpResponse<String> diff = send("GET", "/rulesets/risk/diff?from=1&to=" + version, ASHA, null);
    assertThat(json(diff).path("diff").asText()).contains("+rule \"at most 100 shares\"");
    HttpResponse<String> dryRun =
        send(
            "POST",
            "/rulesets/risk/evaluate",
            ASHA,
            """
            {"given": {"order": {"id": "d-1", "accountId": "a", "instrument": "NSE:INFY",
              "side": "BUY", "quantity": 500, "priceType": "LIMIT", "limitPrice": 10,
              "referencePrice": 10}}}
            """);
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    assertThat(json(dryRun).path("summary").asText()).contains("REJECT");
  }

  @Test
  void aDryRunWithBadFactsIsA400InTheAuthorsTerms() throws Exception {
    HttpResponse<String> badSide =
        dryRun("{\"order\": {\"instrument\": \"NSE:INFY\", \"side\": \"SIDEWAYS\"}}");
    assertThat(badSide.statusCode()).isEqualTo(400);
    assertThat(json(badSide).path("detail").asText())
        .isEqualTo("invalid field 'given.order.side': 'SIDEWAYS' is not one of [BUY, SELL]");
    HttpResponse<String> fraction =
        dryRun("{\"order\": {\"instrument\": \"NSE:INFY\", \"quantity\": 5.5}}");
    assertThat(fraction.statusCode()).isEqualTo(400);
    assertThat(json(fraction).path("detail").asText())
        .startsWith(
            "invalid field 'given.order.quantity': Cannot coerce Floating-point value (5.5)");
    HttpResponse<String> noOrder = dryRun("{\"signal\": {\"instrument\": \"NSE:INFY\"}}");
    assertThat(noOrder.statusCode()).isEqualTo(400);
    assertThat(json(noOrder).path("detail").asText())
        .contains("a risk scenario needs given.order")
        .doesNotContain("Exception");
  }

  private HttpResponse<String> dryRun(String given) throws Exception {
    return send("POST", "/rulesets/risk/evaluate", ASHA, "{\"given\": " + given + "}");
  }
}

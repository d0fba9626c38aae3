package com.sharewise.webui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A trader who can trade at any hour, set up through the product's own API as people would: the
 * admin creates a trader and two risk officers; the trader's first look at their accounts opens a
 * paper account; one risk officer gives that account a trading window of 00:00–23:59 IST (and no
 * price collar, so a limit far from the market rests instead of being refused), drops the scenarios
 * of the calendar rules ("market closed today", "outside trading hours") and writes a risk rule-set
 * version without those rules, which the other officer approves and activates (four eyes). The
 * simulator must quote around the clock ({@code SHAREWISE_MARKETDATA_SIMULATOR_ALWAYS_OPEN}, as
 * {@link E2eNode} sets).
 */
final class TradingDesk {

  /** Rules of the default risk pack that depend on the wall clock. */
  static final List<String> CALENDAR_RULES =
      List.of("market closed today", "outside trading hours");

  final String trader;
  final String password;
  final String traderToken;
  final long accountId;

  private TradingDesk(String trader, String password, String traderToken, long accountId) {
    this.trader = trader;
    this.password = password;
    this.traderToken = traderToken;
    this.accountId = accountId;
  }

  /** Sets up trader {@code trader} on {@code node}; idempotent per node only in its users. */
  static TradingDesk open(E2eNode node, String trader) {
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    String password = trader + "-password-1";
    createUser(node, admin, trader, password, "TRADER");
    createUser(node, admin, trader + "-risk-a", trader + "-risk-a-password-1", "RISK_OFFICER");
    createUser(node, admin, trader + "-risk-b", trader + "-risk-b-password-1", "RISK_OFFICER");
    String traderToken = node.token(trader, password);
    String author = node.token(trader + "-risk-a", trader + "-risk-a-password-1");
    String reviewer = node.token(trader + "-risk-b", trader + "-risk-b-password-1");

    // the first GET opens the trader's paper account
    JsonNode accounts = ok(node.call("GET", "/api/v1/accounts", traderToken, null), 200);
    assertThat(accounts).as("the trader's accounts").isNotEmpty();
    long accountId = accounts.get(0).path("id").asLong();

    // limits as data: trade all day, no collar; every other default stays
    JsonNode limits =
        ok(node.call("GET", "/api/v1/rulesets/limits/" + encode("*"), author, null), 200);
    ObjectNode mine = ((ObjectNode) limits.deepCopy());
    mine.remove(List.of("accountId", "opensMinute", "closesMinute"));
    mine.put("tradingOpens", "00:00");
    mine.put("tradingCloses", "23:59");
    mine.put("priceCollarPercent", 0);
    ok(node.call("PUT", "/api/v1/rulesets/limits/" + accountId, author, write(mine)), 200);

    // a risk rule-set version without the calendar rules: their scenarios go first (submitting
    // needs every scenario to pass), then the version is written, submitted, approved by the other
    // officer and activated
    for (JsonNode scenario :
        ok(node.call("GET", "/api/v1/rulesets/risk/scenarios", author, null), 200)) {
      if (CALENDAR_RULES.contains(scenario.path("expect").path("rule").asText())) {
        String name = encode(scenario.path("name").asText()).replace("+", "%20");
        ok(node.call("DELETE", "/api/v1/rulesets/risk/scenarios/" + name, author, null), 204);
      }
    }
    int active = activeVersion(node, author, "risk");
    String drl =
        ok(node.call("GET", "/api/v1/rulesets/risk/versions/" + active, author, null), 200)
            .path("drl")
            .asText();
    String allDay = withoutRules(drl, CALENDAR_RULES);
    ObjectNode draft = E2eNode.JSON.createObjectNode();
    draft.put("drl", allDay);
    draft.put("comment", "browser tests trade at any hour");
    int version =
        ok(node.call("POST", "/api/v1/rulesets/risk/versions", author, write(draft)), 201)
            .path("version")
            .asInt();
    String base = "/api/v1/rulesets/risk/versions/" + version;
    ok(node.call("POST", base + "/submit", author, null), 200);
    ok(node.call("POST", base + "/approve", reviewer, "{\"comment\":\"ok for the tests\"}"), 200);
    ok(node.call("POST", base + "/activate", reviewer, null), 200);
    awaitRunning(node, reviewer, "risk", version);
    return new TradingDesk(trader, password, traderToken, accountId);
  }

  /** {@code drl} without the named rules (each from {@code rule "name"} to its {@code end}). */
  static String withoutRules(String drl, List<String> names) {
    String out = drl;
    for (String name : names) {
      int start = out.indexOf("rule \"" + name + "\"");
      assertThat(start).as("rule '%s' in the active risk rules", name).isNotNegative();
      int end = out.indexOf("\nend", start);
      assertThat(end).as("the end of rule '%s'", name).isPositive();
      out = out.substring(0, start) + out.substring(end + "\nend".length());
    }
    return out;
  }

  private static int activeVersion(E2eNode node, String token, String kind) {
    for (JsonNode k : ok(node.call("GET", "/api/v1/rulesets", token, null), 200)) {
      if (kind.equals(k.path("kind").asText())) {
        return k.path("activeVersion").asInt();
      }
    }
    throw new IllegalStateException("no rule kind " + kind);
  }

  /** Waits until this node decides with {@code version} (activation reaches it over the grid). */
  private static void awaitRunning(E2eNode node, String token, String kind, int version) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      for (JsonNode k : ok(node.call("GET", "/api/v1/rulesets", token, null), 200)) {
        if (kind.equals(k.path("kind").asText()) && k.path("runningVersion").asInt() == version) {
          return;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(kind + " rules v" + version + " did not start running");
  }

  private static void createUser(
      E2eNode node, String admin, String name, String password, String role) {
    ObjectNode user = E2eNode.JSON.createObjectNode();
    user.put("username", name);
    user.put("password", password);
    user.putArray("roles").add(role);
    int status = node.call("POST", "/api/v1/users", admin, write(user)).statusCode();
    assertThat(status).as("creating user %s", name).isIn(201, 409);
  }

  private static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.request().uri(), response.body())
        .isEqualTo(status);
    return response.body().isBlank() ? E2eNode.JSON.nullNode() : E2eNode.json(response.body());
  }

  private static String write(JsonNode json) {
    try {
      return E2eNode.JSON.writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

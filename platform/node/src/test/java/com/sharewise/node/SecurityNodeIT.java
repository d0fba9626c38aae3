package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.security.Totp;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Security through a real node: login, refresh, reuse, logout, two-factor, rate limits, the role
 * matrix over every endpoint the node serves, the OpenAPI document, metrics, audit, and that no
 * secret reaches the log.
 */
class SecurityNodeIT {

  /** Who calls. */
  enum Caller {
    ANONYMOUS,
    TRADER,
    RISK_OFFICER,
    ADMIN
  }

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> LOGGED_IN =
      EnumSet.of(Caller.TRADER, Caller.RISK_OFFICER, Caller.ADMIN);
  private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
  private static final Set<Caller> TRADER_ADMIN = EnumSet.of(Caller.TRADER, Caller.ADMIN);
  private static final Set<Caller> ADMIN_RISK = EnumSet.of(Caller.ADMIN, Caller.RISK_OFFICER);
  private static final Set<Caller> RISK = EnumSet.of(Caller.RISK_OFFICER);
  private static final Set<Caller> TRADER = EnumSet.of(Caller.TRADER);

  /**
   * One endpoint: who may use it, and a request that reaches the resource (its answer may be a 4xx
   * about the input, never 401 or 403 for an allowed caller).
   */
  record Endpoint(
      String method,
      String path,
      String example,
      String contentType,
      String body,
      Set<Caller> allowed) {}

  /** Every endpoint the node serves. The matrix test fails when the node serves one not here. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/health", "/health", null, null, EVERYONE),
          new Endpoint("GET", "/openapi.json", "/openapi.json", null, null, EVERYONE),
          new Endpoint("POST", "/auth/login", "/auth/login", "application/json", "{}", EVERYONE),
          new Endpoint(
              "POST", "/auth/refresh", "/auth/refresh", "application/json", "{}", EVERYONE),
          new Endpoint("POST", "/auth/logout", "/auth/logout", "application/json", "{}", EVERYONE),
          new Endpoint("GET", "/auth/me", "/auth/me", null, null, LOGGED_IN),
          new Endpoint(
              "POST", "/auth/password", "/auth/password", "application/json", "{}", LOGGED_IN),
          new Endpoint(
              "POST", "/auth/totp/enroll", "/auth/totp/enroll", "application/json", "", LOGGED_IN),
          new Endpoint(
              "POST",
              "/auth/totp/confirm",
              "/auth/totp/confirm",
              "application/json",
              "{\"code\":\"000000\"}",
              LOGGED_IN),
          new Endpoint(
              "POST",
              "/auth/totp/disable",
              "/auth/totp/disable",
              "application/json",
              "{\"code\":\"000000\"}",
              LOGGED_IN),
          new Endpoint(
              "POST", "/auth/keys/rotate", "/auth/keys/rotate", "application/json", "", ADMIN),
          new Endpoint("GET", "/users", "/users", null, null, ADMIN),
          new Endpoint("POST", "/users", "/users", "application/json", "{}", ADMIN),
          new Endpoint("GET", "/users/{username}", "/users/nobody", null, null, ADMIN),
          new Endpoint(
              "PUT", "/users/{username}", "/users/nobody", "application/json", "{}", ADMIN),
          new Endpoint("DELETE", "/users/{username}", "/users/nobody", null, null, ADMIN),
          new Endpoint("DELETE", "/users/{username}/totp", "/users/nobody/totp", null, null, ADMIN),
          new Endpoint("GET", "/audit", "/audit?limit=1", null, null, ADMIN_RISK),
          new Endpoint("GET", "/audit/verify", "/audit/verify", null, null, ADMIN_RISK),
          new Endpoint("GET", "/plugins", "/plugins", null, null, ADMIN_RISK),
          new Endpoint("POST", "/plugins", "/plugins", "application/java-archive", "", ADMIN),
          new Endpoint("GET", "/plugins/{id}", "/plugins/nothing", null, null, ADMIN_RISK),
          new Endpoint(
              "PUT", "/plugins/{id}", "/plugins/nothing", "application/java-archive", "", ADMIN),
          new Endpoint("DELETE", "/plugins/{id}", "/plugins/nothing", null, null, ADMIN),
          new Endpoint(
              "GET", "/plugins/{id}/history", "/plugins/nothing/history", null, null, ADMIN_RISK),
          // market data (platform/marketdata)
          new Endpoint("GET", "/instruments", "/instruments?query=INFY", null, null, LOGGED_IN),
          new Endpoint("GET", "/instruments/{id}", "/instruments/NSE:NOPE", null, null, LOGGED_IN),
          new Endpoint("POST", "/instruments/import", "/instruments/import", "text/csv", "", ADMIN),
          new Endpoint("GET", "/quotes", "/quotes", null, null, LOGGED_IN),
          new Endpoint("GET", "/quotes/stats", "/quotes/stats", null, null, LOGGED_IN),
          new Endpoint("GET", "/quotes/{instrument}", "/quotes/NSE:INFY", null, null, LOGGED_IN),
          new Endpoint(
              "GET", "/bars", "/bars?instrument=NSE:INFY&timeframe=1m", null, null, LOGGED_IN),
          new Endpoint(
              "POST",
              "/bars/import",
              "/bars/import?instrument=NSE:INFY&timeframe=1m",
              "text/csv",
              "",
              TRADER_ADMIN),
          new Endpoint("GET", "/indicators", "/indicators", null, null, LOGGED_IN),
          new Endpoint(
              "GET",
              "/indicators/{name}",
              "/indicators/sma?instrument=NSE:INFY&timeframe=1m",
              null,
              null,
              LOGGED_IN),
          // rules (rules/engine RuleSetResource)
          new Endpoint("GET", "/rulesets", "/rulesets", null, null, ADMIN_RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/versions",
              "/rulesets/nope/versions",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "GET",
              "/rulesets/{kind}/versions",
              "/rulesets/nope/versions",
              null,
              null,
              ADMIN_RISK),
          new Endpoint(
              "GET",
              "/rulesets/{kind}/versions/{version}",
              "/rulesets/nope/versions/1",
              null,
              null,
              ADMIN_RISK),
          new Endpoint(
              "GET", "/rulesets/{kind}/diff", "/rulesets/nope/diff", null, null, ADMIN_RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/versions/{version}/submit",
              "/rulesets/nope/versions/1/submit",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/versions/{version}/approve",
              "/rulesets/nope/versions/1/approve",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/versions/{version}/reject",
              "/rulesets/nope/versions/1/reject",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/versions/{version}/activate",
              "/rulesets/nope/versions/1/activate",
              "application/json",
              "{}",
              ADMIN_RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/rollback",
              "/rulesets/nope/rollback",
              "application/json",
              "{}",
              ADMIN_RISK),
          new Endpoint(
              "GET",
              "/rulesets/{kind}/scenarios",
              "/rulesets/nope/scenarios",
              null,
              null,
              ADMIN_RISK),
          new Endpoint(
              "PUT",
              "/rulesets/{kind}/scenarios/{name}",
              "/rulesets/nope/scenarios/x",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "DELETE",
              "/rulesets/{kind}/scenarios/{name}",
              "/rulesets/nope/scenarios/x",
              null,
              null,
              RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/scenarios/run",
              "/rulesets/nope/scenarios/run",
              "application/json",
              "",
              ADMIN_RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/evaluate",
              "/rulesets/nope/evaluate",
              "application/json",
              "{}",
              ADMIN_RISK),
          new Endpoint(
              "GET", "/rulesets/{kind}/shadow", "/rulesets/nope/shadow", null, null, ADMIN_RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/shadow",
              "/rulesets/nope/shadow",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "DELETE", "/rulesets/{kind}/shadow", "/rulesets/nope/shadow", null, null, RISK),
          new Endpoint(
              "POST",
              "/rulesets/{kind}/shadow/replay",
              "/rulesets/nope/shadow/replay",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "GET",
              "/rulesets/{kind}/shadow/{run}",
              "/rulesets/nope/shadow/1",
              null,
              null,
              ADMIN_RISK),
          new Endpoint(
              "GET",
              "/rulesets/decisions/{id}",
              "/rulesets/decisions/nothing",
              null,
              null,
              LOGGED_IN),
          new Endpoint("GET", "/rulesets/plugins", "/rulesets/plugins", null, null, ADMIN_RISK),
          new Endpoint("GET", "/rulesets/limits", "/rulesets/limits", null, null, ADMIN_RISK),
          new Endpoint(
              "GET",
              "/rulesets/limits/{account}",
              "/rulesets/limits/matrix-account",
              null,
              null,
              ADMIN_RISK),
          new Endpoint(
              "PUT",
              "/rulesets/limits/{account}",
              "/rulesets/limits/matrix-account",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "DELETE",
              "/rulesets/limits/{account}",
              "/rulesets/limits/matrix-account",
              null,
              null,
              RISK),
          new Endpoint(
              "PUT",
              "/rulesets/restricted/{instrument}",
              "/rulesets/restricted/NSE:NOPE",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "DELETE",
              "/rulesets/restricted/{instrument}",
              "/rulesets/restricted/NSE:NOPE",
              null,
              null,
              RISK),
          new Endpoint(
              "PUT",
              "/rulesets/instrument-limits/{instrument}",
              "/rulesets/instrument-limits/NSE:NOPE",
              "application/json",
              "{}",
              RISK),
          new Endpoint(
              "DELETE",
              "/rulesets/instrument-limits/{instrument}",
              "/rulesets/instrument-limits/NSE:NOPE",
              null,
              null,
              RISK),
          // orders, portfolio, accounts, kill switch (platform/orders)
          new Endpoint("GET", "/orders", "/orders", null, null, LOGGED_IN),
          new Endpoint("POST", "/orders", "/orders", "application/json", "{}", TRADER),
          new Endpoint("GET", "/orders/{id}", "/orders/NOPE", null, null, LOGGED_IN),
          new Endpoint("PUT", "/orders/{id}", "/orders/NOPE", "application/json", "{}", TRADER),
          new Endpoint("DELETE", "/orders/{id}", "/orders/NOPE", null, null, TRADER),
          new Endpoint(
              "POST", "/orders/{id}/approve", "/orders/NOPE/approve", "application/json", "", RISK),
          new Endpoint(
              "POST",
              "/orders/{id}/decline",
              "/orders/NOPE/decline",
              "application/json",
              "{}",
              RISK),
          new Endpoint("GET", "/trades", "/trades", null, null, LOGGED_IN),
          new Endpoint("GET", "/positions", "/positions", null, null, LOGGED_IN),
          new Endpoint("GET", "/portfolio", "/portfolio", null, null, LOGGED_IN),
          new Endpoint("GET", "/accounts", "/accounts", null, null, LOGGED_IN),
          new Endpoint("POST", "/accounts", "/accounts", "application/json", "{}", TRADER),
          new Endpoint("GET", "/killswitch", "/killswitch", null, null, LOGGED_IN),
          new Endpoint(
              "POST", "/killswitch", "/killswitch", "application/json", "{}", TRADER_ADMIN),
          // strategy types and instances (platform/strategies)
          new Endpoint("GET", "/strategies", "/strategies", null, null, LOGGED_IN),
          new Endpoint(
              "GET", "/strategies/instances", "/strategies/instances", null, null, LOGGED_IN),
          new Endpoint(
              "POST",
              "/strategies/instances",
              "/strategies/instances",
              "application/json",
              "{}",
              TRADER),
          new Endpoint(
              "GET",
              "/strategies/instances/{id}",
              "/strategies/instances/NOPE",
              null,
              null,
              LOGGED_IN),
          new Endpoint(
              "PUT",
              "/strategies/instances/{id}",
              "/strategies/instances/NOPE",
              "application/json",
              "{}",
              TRADER),
          new Endpoint(
              "DELETE",
              "/strategies/instances/{id}",
              "/strategies/instances/NOPE",
              null,
              null,
              TRADER),
          new Endpoint(
              "POST",
              "/strategies/instances/{id}/start",
              "/strategies/instances/NOPE/start",
              null,
              null,
              TRADER),
          new Endpoint(
              "POST",
              "/strategies/instances/{id}/pause",
              "/strategies/instances/NOPE/pause",
              null,
              null,
              TRADER),
          new Endpoint(
              "POST",
              "/strategies/instances/{id}/stop",
              "/strategies/instances/NOPE/stop",
              null,
              null,
              TRADER),
          new Endpoint(
              "GET",
              "/strategies/instances/{id}/signals",
              "/strategies/instances/NOPE/signals",
              null,
              null,
              LOGGED_IN),
          // backtests and optimisations (platform/backtest)
          new Endpoint("GET", "/backtests", "/backtests", null, null, LOGGED_IN),
          new Endpoint("POST", "/backtests", "/backtests", "application/json", "{}", TRADER),
          new Endpoint(
              "GET", "/backtests/correlations", "/backtests/correlations", null, null, LOGGED_IN),
          new Endpoint("GET", "/backtests/{id}", "/backtests/NOPE", null, null, LOGGED_IN),
          new Endpoint(
              "GET", "/backtests/{id}/trades", "/backtests/NOPE/trades", null, null, LOGGED_IN),
          new Endpoint(
              "GET", "/backtests/{id}/equity", "/backtests/NOPE/equity", null, null, LOGGED_IN),
          new Endpoint(
              "GET", "/backtests/{id}/orders", "/backtests/NOPE/orders", null, null, LOGGED_IN),
          new Endpoint(
              "POST", "/backtests/{id}/cancel", "/backtests/NOPE/cancel", null, null, TRADER_ADMIN),
          new Endpoint(
              "GET", "/backtests/optimisations", "/backtests/optimisations", null, null, LOGGED_IN),
          new Endpoint(
              "POST",
              "/backtests/optimisations",
              "/backtests/optimisations",
              "application/json",
              "{}",
              TRADER),
          new Endpoint(
              "GET",
              "/backtests/optimisations/{id}",
              "/backtests/optimisations/NOPE",
              null,
              null,
              LOGGED_IN),
          new Endpoint(
              "GET",
              "/backtests/optimisations/{id}/results",
              "/backtests/optimisations/NOPE/results",
              null,
              null,
              LOGGED_IN),
          new Endpoint(
              "POST",
              "/backtests/optimisations/{id}/cancel",
              "/backtests/optimisations/NOPE/cancel",
              null,
              null,
              TRADER_ADMIN));

  @TempDir static Path home;
  private static RunningNode running;
  private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  @BeforeAll
  static void start() {
    LOG.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    running =
        RunningNode.start(
            home,
            Map.of(
                "SHAREWISE_LOGIN_LIMIT_PER_ADDRESS", "1000",
                "SHAREWISE_LOGIN_LIMIT_PER_USER", "5"));
    for (String[] user :
        new String[][] {
          {"tom", "TRADER"},
          {"rita", "RISK_OFFICER"},
          {"victim", "TRADER"},
          {"tess", "TRADER"},
          {"ray", "TRADER"},
          {"lou", "TRADER"}
        }) {
      HttpResponse<String> created =
          running.send(
              json(
                  "POST",
                  "/api/v1/users",
                  "{\"username\":\""
                      + user[0]
                      + "\",\"password\":\""
                      + password(user[0])
                      + "\",\"roles\":[\""
                      + user[1]
                      + "\"]}",
                  running.adminToken()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    running.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
  }

  static String password(String user) {
    return user + "-s3cret-passphrase";
  }

  private static HttpRequest.Builder json(String method, String path, String body, String token) {
    HttpRequest.Builder request =
        running
            .anonymous(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private static final Map<Caller, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A token of the caller's role, logged in once per test class. */
  private static String token(Caller caller) {
    return caller == Caller.ANONYMOUS
        ? null
        : TOKENS.computeIfAbsent(caller, SecurityNodeIT::login);
  }

  private static String login(Caller caller) {
    return switch (caller) {
      case ANONYMOUS -> null;
      case TRADER -> running.login("tom", password("tom")).path("accessToken").asText();
      case RISK_OFFICER -> running.login("rita", password("rita")).path("accessToken").asText();
      case ADMIN -> running.login("admin", RunningNode.ADMIN_PASSWORD).path("accessToken").asText();
    };
  }

  @Test
  void aTradersOrdersAreTheirsAloneWhileRiskOfficersReadThem() {
    String lou = running.login("lou", password("lou")).path("accessToken").asText();
    String ray = running.login("ray", password("ray")).path("accessToken").asText();
    String rita = token(Caller.RISK_OFFICER);
    long account =
        RunningNode.parse(running.send(json("GET", "/api/v1/accounts", null, lou)).body())
            .get(0)
            .path("id")
            .asLong();
    HttpResponse<String> placed =
        running.send(
            json(
                "POST",
                "/api/v1/orders",
                "{\"accountId\":"
                    + account
                    + ",\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,"
                    + "\"type\":\"LIMIT\",\"price\":100}",
                lou));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    String id = RunningNode.parse(placed.body()).path("id").asText();

    assertThat(running.send(json("GET", "/api/v1/orders/" + id, null, ray)).statusCode())
        .isEqualTo(404);
    assertThat(running.send(json("DELETE", "/api/v1/orders/" + id, null, ray)).statusCode())
        .isEqualTo(404);
    assertThat(running.send(json("GET", "/api/v1/orders", null, ray)).body()).doesNotContain(id);
    assertThat(
            running
                .send(
                    json(
                        "POST",
                        "/api/v1/orders",
                        "{\"accountId\":"
                            + account
                            + ",\"instrument\":\"NSE:INFY\",\"side\":\"BUY\","
                            + "\"quantity\":1,\"type\":\"MARKET\"}",
                        ray))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            running
                .send(json("GET", "/api/v1/positions?accountId=" + account, null, ray))
                .statusCode())
        .isEqualTo(404);
    assertThat(running.send(json("GET", "/api/v1/orders/" + id, null, rita)).statusCode())
        .isEqualTo(200);
    assertThat(running.send(json("GET", "/api/v1/orders/" + id, null, lou)).statusCode())
        .isEqualTo(200);
    // a filter word JAX-RS would read as false (every order) is refused
    HttpResponse<String> maybe = running.send(json("GET", "/api/v1/orders?open=maybe", null, lou));
    assertThat(maybe.statusCode()).isEqualTo(400);
    assertThat(maybe.body()).contains("open must be true or false, got 'maybe'");
  }

  @Test
  void everyEndpointAnswersEachRoleAsTheMatrixSays() {
    Map<Caller, String> tokens = new LinkedHashMap<>();
    EnumSet.allOf(Caller.class).forEach(c -> tokens.put(c, token(c)));
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (Caller caller : Caller.values()) {
        // logging out ends the caller's session: give it a session of its own
        String token =
            endpoint.path().equals("/auth/logout") && caller != Caller.ANONYMOUS
                ? login(caller)
                : tokens.get(caller);
        HttpRequest.Builder request =
            running
                .anonymous("/api/v1" + endpoint.example())
                .method(
                    endpoint.method(),
                    endpoint.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.contentType() != null) {
          request.header("Content-Type", endpoint.contentType());
        }
        if (token != null) {
          request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = running.send(request);
        int status = response.statusCode();
        boolean allowed = endpoint.allowed().contains(caller);
        boolean ok =
            allowed
                ? status != 401 && status != 403 && status < 500
                : status == (caller == Caller.ANONYMOUS ? 401 : 403);
        if (!ok) {
          wrong.add(
              endpoint.method()
                  + " "
                  + endpoint.path()
                  + " as "
                  + caller
                  + " -> "
                  + status
                  + " "
                  + response.body());
        }
      }
    }
    assertThat(wrong).as("endpoints answering against the matrix").isEmpty();
  }

  @Test
  void theMatrixCoversEveryOperationOfTheOpenApiDocumentAndTheDocumentIsValid() {
    HttpResponse<String> response = running.send(running.anonymous("/api/v1/openapi.json").GET());
    assertThat(response.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
    assertThat(parsed.getMessages()).isEmpty();

    Set<String> documented = new TreeSet<>();
    parsed
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method + " " + path)));
    Set<String> inMatrix = new TreeSet<>();
    ENDPOINTS.forEach(e -> inMatrix.add(e.method() + " " + e.path()));
    assertThat(inMatrix)
        .as("the role matrix lists exactly the documented operations")
        .isEqualTo(documented);
  }

  @Test
  void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
    JsonNode first = running.login("tess", password("tess"));
    HttpResponse<String> refreshed =
        running.send(
            json(
                "POST",
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + first.path("refreshToken").asText() + "\"}",
                null));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode second = RunningNode.parse(refreshed.body());
    assertThat(second.path("expiresIn").asLong()).isBetween(1L, 900L);

    HttpResponse<String> reused =
        running.send(
            json(
                "POST",
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + first.path("refreshToken").asText() + "\"}",
                null));
    assertThat(reused.statusCode()).isEqualTo(401);
    assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(
            running
                .send(json("GET", "/api/v1/auth/me", null, second.path("accessToken").asText()))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            running
                .send(
                    json(
                        "POST",
                        "/api/v1/auth/refresh",
                        "{\"refreshToken\":\"" + second.path("refreshToken").asText() + "\"}",
                        null))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void logoutRevokesTheAccessAndRefreshTokens() {
    JsonNode tokens = running.login("ray", password("ray"));
    String access = tokens.path("accessToken").asText();
    assertThat(running.send(json("GET", "/api/v1/auth/me", null, access)).statusCode())
        .isEqualTo(200);

    assertThat(running.send(json("POST", "/api/v1/auth/logout", "{}", access)).statusCode())
        .isEqualTo(204);

    assertThat(running.send(json("GET", "/api/v1/auth/me", null, access)).statusCode())
        .isEqualTo(401);
    assertThat(
            running
                .send(
                    json(
                        "POST",
                        "/api/v1/auth/refresh",
                        "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}",
                        null))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void missingTamperedAndUnsignedTokensAre401() {
    String token = running.login("lou", password("lou")).path("accessToken").asText();
    String[] parts = token.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    String unsigned =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + parts[1]
            + ".";

    for (String bad : new String[] {null, tampered, unsigned, "not-a-jwt"}) {
      HttpResponse<String> response = running.send(json("GET", "/api/v1/auth/me", null, bad));
      assertThat(response.statusCode()).as(String.valueOf(bad)).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void twoFactorEnrolmentThenLoginNeedsTheCode() {
    String token = running.login("victim", password("victim")).path("accessToken").asText();
    HttpResponse<String> enrolled =
        running.send(json("POST", "/api/v1/auth/totp/enroll", null, token));
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
    JsonNode enrolment = RunningNode.parse(enrolled.body());
    assertThat(enrolment.path("provisioningUri").asText()).startsWith("otpauth://totp/");
    String secret = enrolment.path("secret").asText();
    Totp totp = new Totp("ShareWise");
    long step = Totp.step(Instant.now());
    assertThat(
            running
                .send(
                    json(
                        "POST",
                        "/api/v1/auth/totp/confirm",
                        "{\"code\":\"" + totp.code(secret, step) + "\"}",
                        token))
                .statusCode())
        .isEqualTo(204);

    HttpResponse<String> withoutCode =
        running.send(
            json(
                "POST",
                "/api/v1/auth/login",
                "{\"username\":\"victim\",\"password\":\"" + password("victim") + "\"}",
                null));
    assertThat(withoutCode.statusCode()).isEqualTo(401);
    assertThat(RunningNode.parse(withoutCode.body()).at("/errors/totp").asText())
        .isEqualTo("required");
    HttpResponse<String> withCode =
        running.send(
            json(
                "POST",
                "/api/v1/auth/login",
                "{\"username\":\"victim\",\"password\":\""
                    + password("victim")
                    + "\",\"totp\":\""
                    + totp.code(secret, step + 1)
                    + "\"}",
                null));
    assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
  }

  @Test
  void repeatedLoginsForOneUserAre429WithRetryAfter() {
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last =
          running.send(
              json(
                  "POST",
                  "/api/v1/auth/login",
                  "{\"username\":\"target\",\"password\":\"guess-number-" + i + "\"}",
                  null));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void userChangesAndLoginsAreAuditedAndReadableByRiskOfficersOnly() {
    String risk = token(Caller.RISK_OFFICER);
    HttpResponse<String> page =
        running.send(json("GET", "/api/v1/audit?action=USER_CREATED&targetId=tom", null, risk));
    assertThat(page.statusCode()).isEqualTo(200);
    JsonNode entries = RunningNode.parse(page.body()).path("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("actor").asText()).isEqualTo("admin");
    assertThat(
            running
                .send(json("GET", "/api/v1/audit?action=LOGIN_SUCCEEDED&actor=rita", null, risk))
                .body())
        .contains("LOGIN_SUCCEEDED");
    assertThat(running.send(json("GET", "/api/v1/audit", null, token(Caller.TRADER))).statusCode())
        .isEqualTo(403);
    HttpResponse<String> swapped =
        running.send(
            json(
                "GET",
                "/api/v1/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                null,
                risk));
    assertThat(swapped.statusCode()).isEqualTo(400);
    assertThat(swapped.body()).contains("to (2026-01-01T00:00:00Z) must be after from");
    assertThat(
            RunningNode.parse(running.send(json("GET", "/api/v1/audit/verify", null, risk)).body())
                .path("intact")
                .asBoolean())
        .isTrue();
  }

  @Test
  void theLastAdminCannotBeDemotedThroughTheApi() {
    HttpResponse<String> response =
        running.send(
            json("PUT", "/api/v1/users/admin", "{\"roles\":[\"TRADER\"]}", running.adminToken()));
    assertThat(response.statusCode()).isEqualTo(409);
  }

  @Test
  void anAccountNeedsAnInstalledBrokerAndOnlyItsSettings() {
    HttpResponse<String> unknown = addAccount("{\"name\":\"Live\",\"broker\":\"nope\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown broker 'nope'; installed: paper");
    HttpResponse<String> typo =
        addAccount(
            "{\"name\":\"Paper 2\",\"broker\":\"paper\",\"credentials\":{\"slipageBps\":\"5\"}}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("credentials.slipageBps: unknown parameter 'slipageBps'");
    HttpResponse<String> fine =
        addAccount(
            "{\"name\":\"Paper 3\",\"broker\":\"paper\",\"credentials\":{\"slippageBps\":\"5\"}}");
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
  }

  private HttpResponse<String> addAccount(String body) {
    return running.send(json("POST", "/api/v1/accounts", body, token(Caller.TRADER)));
  }

  @Test
  void clientsCannotSetServerOwnedFields() {
    HttpResponse<String> response =
        running.send(
            json(
                "POST",
                "/api/v1/users",
                "{\"username\":\"sneaky\",\"password\":\"long enough password\",\"roles\":[\"TRADER\"],"
                    + "\"totpEnabled\":true,\"createdAt\":\"2000-01-01T00:00:00Z\"}",
                running.adminToken()));
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void metricsArePublicPrometheusTextWithHttpJvmAndPluginMeters() {
    running.send(running.anonymous("/api/v1/health").GET());
    HttpResponse<String> metrics = running.send(running.anonymous("/metrics").GET());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void theWebUiAndApiAnswerWithSecurityHeaders() {
    HttpResponse<String> page = running.send(running.anonymous("/").GET());
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void noPasswordOrTokenReachesTheLog() {
    JsonNode tokens = running.login("tom", password("tom"));
    running.send(
        json(
            "POST",
            "/api/v1/auth/login",
            "{\"username\":\"tom\",\"password\":\"wrong-" + password("tom") + "\"}",
            null));
    running.send(json("GET", "/api/v1/nothing-here", null, tokens.path("accessToken").asText()));

    List<String> secrets =
        List.of(
            password("tom"),
            RunningNode.ADMIN_PASSWORD,
            tokens.path("accessToken").asText(),
            tokens.path("refreshToken").asText());
    assertThat(LOG.list).isNotEmpty();
    for (ILoggingEvent event : List.copyOf(LOG.list)) {
      String text =
          event.getFormattedMessage()
              + " "
              + event.getKeyValuePairs()
              + " "
              + event.getMDCPropertyMap()
              + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      for (String secret : secrets) {
        assertThat(text).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
      }
    }
  }
}

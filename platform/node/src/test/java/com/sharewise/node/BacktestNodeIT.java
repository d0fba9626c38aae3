package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backtests through a real node: bars imported over REST, a backtest of the SMA crossover plugin
 * submitted, followed to DONE and read back (metrics, trades, equity, orders); bad input refused
 * naming the field; other traders see nothing of it; a grid optimisation ranks its runs.
 */
class BacktestNodeIT {

  @TempDir static Path home;
  private static RunningNode running;
  private static String bea;
  private static String tim;
  private static String rita;

  /** Two sessions of one-minute bars: Monday 6 and Tuesday 7 January 2025, 09:15 to 15:30 IST. */
  private static final String FROM = "2025-01-06T03:45:00Z";

  private static final String TO = "2025-01-08T00:00:00Z";

  @BeforeAll
  static void start() {
    running = RunningNode.start(home);
    bea = user("bea", "TRADER");
    tim = user("tim", "TRADER");
    rita = user("rita", "RISK_OFFICER");
    HttpResponse<String> imported =
        running.send(
            running
                .request("/api/v1/bars/import?instrument=NSE:INFY&timeframe=1m")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(bars())));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void runsABacktestOfStoredBarsAndStoresItsResults() {
    HttpResponse<String> submitted = post("/api/v1/backtests", backtest("5", "20"), bea);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = RunningNode.parse(submitted.body()).path("id").asText();
    assertThat(submitted.headers().firstValue("Location").orElse("")).endsWith("backtests/" + id);

    JsonNode done =
        running.awaitJson(
            "/api/v1/backtests/" + id,
            b -> b.path("status").asText().matches("DONE|FAILED"),
            "the backtest to finish");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
    JsonNode metrics = done.path("metrics");
    assertThat(metrics.path("bars").asLong()).isEqualTo(750);
    assertThat(metrics.path("initialEquity").asDouble()).isEqualTo(1_000_000.0);
    assertThat(metrics.has("sharpeRatio")).isTrue();
    assertThat(metrics.path("maxDrawdown").isNumber()).isTrue();
    assertThat(metrics.path("signals").asLong()).isPositive();

    JsonNode equity = get("/api/v1/backtests/" + id + "/equity", bea);
    assertThat(equity).hasSize(750);
    assertThat(equity.get(0).path("at").asText()).isEqualTo("2025-01-06T03:46:00Z");
    JsonNode orders = get("/api/v1/backtests/" + id + "/orders", bea);
    assertThat(orders.size()).isEqualTo(metrics.path("orders").asInt());
    JsonNode trades = get("/api/v1/backtests/" + id + "/trades", bea);
    assertThat(trades.size()).isEqualTo(metrics.path("trades").asInt());

    // only the owner, risk officers and admins see it
    assertThat(send("GET", "/api/v1/backtests/" + id, null, tim).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/backtests/" + id, rita).path("id").asText()).isEqualTo(id);
    assertThat(get("/api/v1/backtests", tim).findValuesAsText("id")).doesNotContain(id);
    assertThat(get("/api/v1/backtests", bea).findValuesAsText("id")).contains(id);
  }

  @Test
  void refusesBadInputNamingTheField() {
    HttpResponse<String> unknownStrategy =
        post("/api/v1/backtests", backtest("5", "20").replace("sma-crossover", "sma-cross"), bea);
    assertThat(unknownStrategy.statusCode()).isEqualTo(400);
    assertThat(unknownStrategy.body())
        .contains("unknown strategy 'sma-cross'")
        .contains("sma-crossover");

    HttpResponse<String> outOfRange = post("/api/v1/backtests", backtest("0", "20"), bea);
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(outOfRange.body()).contains("fast");

    HttpResponse<String> unknownParameter =
        post("/api/v1/backtests", backtest("5", "20").replace("\"slow\"", "\"slowest\""), bea);
    assertThat(unknownParameter.statusCode()).isEqualTo(400);
    assertThat(unknownParameter.body()).contains("slowest");

    HttpResponse<String> noBars =
        post(
            "/api/v1/backtests",
            backtest("5", "20")
                .replace(FROM, "2020-01-01T00:00:00Z")
                .replace(TO, "2020-02-01T00:00:00Z"),
            bea);
    assertThat(noBars.statusCode()).isEqualTo(422);
    assertThat(noBars.body()).contains("no 1m bars of NSE:INFY");
  }

  @Test
  void aGridOptimisationRanksItsRunsByTheChosenMetric() {
    String body =
        "{\"backtest\":"
            + backtest("5", "20")
            + ",\"method\":\"grid\",\"rankBy\":\"totalReturn\","
            + "\"ranges\":{\"fast\":{\"values\":[\"3\",\"5\",\"30\"]},"
            + "\"slow\":{\"from\":20,\"to\":25,\"step\":5}}}";
    HttpResponse<String> submitted = post("/api/v1/backtests/optimisations", body, bea);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = RunningNode.parse(submitted.body()).path("id").asText();
    assertThat(RunningNode.parse(submitted.body()).path("runs").asInt()).isEqualTo(6);

    JsonNode done =
        running.awaitJson(
            "/api/v1/backtests/optimisations/" + id,
            o -> o.path("status").asText().matches("DONE|FAILED"),
            "the optimisation to finish");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    JsonNode results = get("/api/v1/backtests/optimisations/" + id + "/results", bea);
    assertThat(results).hasSize(6);
    // fast 30 is not below slow 20 or 25: refused by the strategy, ranked last without a score
    assertThat(results.get(4).path("error").asText()).contains("must be less than slow");
    assertThat(results.get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(results.get(0).path("score").asDouble())
        .isGreaterThanOrEqualTo(results.get(3).path("score").asDouble());
    assertThat(done.at("/summary/bestParameters")).isEqualTo(results.get(0).path("parameters"));
  }

  @Test
  void aWalkForwardAnalysisTestsEachWindowsBestParametersOutOfSample() {
    String body =
        "{\"backtest\":"
            + backtest("5", "20")
            + ",\"method\":\"walk-forward\",\"rankBy\":\"netProfit\","
            + "\"ranges\":{\"fast\":{\"values\":[\"3\",\"5\"]}},"
            + "\"walkForward\":{\"inSample\":\"PT20H\",\"outOfSample\":\"PT12H\"}}";
    HttpResponse<String> submitted = post("/api/v1/backtests/optimisations", body, bea);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = RunningNode.parse(submitted.body()).path("id").asText();

    JsonNode done =
        running.awaitJson(
            "/api/v1/backtests/optimisations/" + id,
            o -> o.path("status").asText().matches("DONE|FAILED"),
            "the walk-forward analysis to finish");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    // two folds: Monday's session chooses, Tuesday's tests; then Tuesday chooses, nothing follows
    JsonNode folds = done.at("/summary/folds");
    assertThat(folds).hasSize(2);
    assertThat(folds.get(0).path("parameters").path("fast").asText()).isIn("3", "5");
    assertThat(folds.get(0).path("outOfSampleScore").isNumber()).isTrue();
    JsonNode results = get("/api/v1/backtests/optimisations/" + id + "/results", bea);
    assertThat(results.findValuesAsText("phase")).contains("IN_SAMPLE", "OUT_OF_SAMPLE");
    assertThat(results.get(2).path("phase").asText()).isEqualTo("OUT_OF_SAMPLE");
    assertThat(results.get(2).path("parameters")).isEqualTo(folds.get(0).path("parameters"));
  }

  private static String backtest(String fast, String slow) {
    return "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\""
        + fast
        + "\",\"slow\":\""
        + slow
        + "\"},\"instruments\":[\"NSE:INFY\"],\"timeframe\":\"1m\",\"from\":\""
        + FROM
        + "\",\"to\":\""
        + TO
        + "\",\"brokerSettings\":{\"slippageBps\":\"2\"}}";
  }

  /** 375 bars a session of a seeded walk on the tick grid. */
  private static String bars() {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    SplittableRandom random = new SplittableRandom(17);
    double price = 1500;
    for (Instant day :
        new Instant[] {Instant.parse(FROM), Instant.parse(FROM).plusSeconds(86_400)}) {
      for (int minute = 0; minute < 375; minute++) {
        double close = Math.round(price * Math.exp(random.nextGaussian() * 0.001) * 20) / 20.0;
        csv.append(
            String.format(
                Locale.ROOT,
                "%s,%.2f,%.2f,%.2f,%.2f,%d%n",
                day.plusSeconds(60L * minute),
                price,
                Math.max(price, close) + 0.05,
                Math.min(price, close) - 0.05,
                close,
                1_000 + random.nextInt(5_000)));
        price = close;
      }
    }
    return csv.toString();
  }

  private static String user(String name, String role) {
    String password = name + "-s3cret-passphrase";
    HttpResponse<String> created =
        running.send(
            running
                .request("/api/v1/users")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + name
                            + "\",\"password\":\""
                            + password
                            + "\",\"roles\":[\""
                            + role
                            + "\"]}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return running.login(name, password).path("accessToken").asText();
  }

  private static HttpResponse<String> post(String path, String body, String token) {
    return send("POST", path, body, token);
  }

  private static JsonNode get(String path, String token) {
    HttpResponse<String> response = send("GET", path, null, token);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return RunningNode.parse(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body, String token) {
    return running.send(
        running
            .anonymous(path)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }
}

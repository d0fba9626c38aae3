package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ConfigLoader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node with the market simulator running around the clock (so the test does not depend on
 * the hour): quotes from the simulator, bars and indicators after an import, through the public API
 * with an access token.
 */
class MarketDataNodeIT {

  @TempDir static Path home;
  private static RunningNode running;

  @BeforeAll
  static void start() {
    running =
        RunningNode.start(
            home,
            Map.of(
                "SHAREWISE_MARKETDATA_SIMULATOR_ALWAYS_OPEN", "true",
                "SHAREWISE_MARKETDATA_SIMULATOR_TICKS_PER_SECOND", "20"));
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void servesSimulatedQuotesOnTheTickGridForTheDefaultUniverse() {
    JsonNode quote =
        running.awaitJson(
            "/api/v1/quotes/NSE:INFY",
            q -> q.path("last").asDouble() > 0,
            "a simulated INFY quote");

    assertThat(new BigDecimal(quote.path("last").asText()).remainder(new BigDecimal("0.05")))
        .isZero();
    assertThat(quote.at("/depth/bids")).hasSize(5);
    assertThat(quote.at("/depth/asks")).hasSize(5);
    assertThat(quote.path("bid").asDouble()).isLessThan(quote.path("ask").asDouble());
    JsonNode all =
        running.awaitJson("/api/v1/quotes", q -> q.size() >= 5, "quotes of the default universe");
    assertThat(all.findValuesAsText("instrument"))
        .contains("NSE:INFY", "NSE:TCS", "NSE:RELIANCE", "NSE:HDFCBANK", "NSE:SBIN");

    JsonNode health = running.getJson("/api/v1/health");
    assertThat(health.at("/checks/marketData/status").asText()).isEqualTo("UP");
    assertThat(health.at("/checks/marketData/data/feeds/simulator/ticks").asLong()).isPositive();
    assertThat(running.getJson("/api/v1/instruments?query=reliance").get(0).path("id").asText())
        .isEqualTo("NSE:RELIANCE");
  }

  @Test
  void servesImportedBarsAndIndicatorsOverThem() {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int day = 1; day <= 25; day++) {
      double close = 3000 + day * 10;
      csv.append(
          String.format(
              "2024-12-%02d,%s,%s,%s,%s,%d%n",
              day, close - 5, close + 10, close - 10, close, 1_000_000 + day));
    }
    HttpResponse<String> imported =
        running.send(
            running
                .request("/api/v1/bars/import?instrument=NSE:TCS&timeframe=1d")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(RunningNode.parse(imported.body()).path("imported").asInt()).isEqualTo(25);

    JsonNode bars =
        running.getJson(
            "/api/v1/bars?instrument=NSE:TCS&timeframe=1d&from=2024-12-01&to=2025-01-01");
    assertThat(bars).hasSize(25);
    assertThat(bars.get(0).path("time").asText()).isEqualTo("2024-12-01T03:45:00Z");
    assertThat(bars.get(24).path("close").asDouble()).isEqualTo(3250);

    JsonNode sma =
        running.getJson(
            "/api/v1/indicators/sma?instrument=NSE:TCS&timeframe=1d&from=2024-12-01&to=2025-01-01&period=5");
    List<JsonNode> values = new ArrayList<>();
    sma.at("/values/value").forEach(values::add);
    assertThat(values).hasSize(25);
    assertThat(values.get(3).isNull()).as("warm-up").isTrue();
    assertThat(values.get(4).asDouble()).isEqualTo(3030.0);

    HttpResponse<String> badTimeframe =
        running.send(running.request("/api/v1/bars?instrument=NSE:TCS&timeframe=1w").GET());
    assertThat(badTimeframe.statusCode()).isEqualTo(400);
    assertThat(badTimeframe.body()).contains("1m, 3m, 5m, 15m, 30m, 1h, 1d");
  }

  @Test
  void aBadMarketDataSettingStopsStartUpNamingIt(@TempDir Path other) throws Exception {
    var config =
        ConfigLoader.load(
            other,
            other.resolve("conf/sharewise.yaml"),
            RunningNode.env(
                Map.of(
                    "SHAREWISE_MARKETDATA_SIMULATOR_TICKS_PER_SECOND", "fast",
                    "SHAREWISE_MARKETDATA_HOLIDAYS", "2025-13-01")));

    assertThatThrownBy(() -> Node.start(config, Clock.systemUTC()).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SHAREWISE_MARKETDATA_SIMULATOR_TICKS_PER_SECOND")
        .hasMessageContaining("'2025-13-01'");
  }
}

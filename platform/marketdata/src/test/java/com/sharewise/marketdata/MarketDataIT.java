package com.sharewise.marketdata;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.grid.Grid;
import com.sharewise.grid.GridConfig;
import com.sharewise.marketdata.rest.BarDto;
import com.sharewise.marketdata.rest.QuoteDto;
import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AccessControlFeature;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market-data area on real parts: embedded PostgreSQL, a Hazelcast member, Jetty with the REST
 * resources (behind the real access control, with a test token).
 */
class MarketDataIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TOKEN = "test-token";
  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  @TempDir static Path data;
  private static Store store;
  private static Grid grid;
  private static MarketData marketData;
  private static HttpServer http;
  private static final ManualClock CLOCK = new ManualClock(at("2025-01-06 09:15:00"));
  private static final RecordingPublisher STREAM = new RecordingPublisher();

  @BeforeAll
  static void start() throws IOException {
    store = Store.open(StoreConfig.embedded(data));
    grid = Grid.start(new GridConfig("marketdata-it", "127.0.0.1", freePort(), List.of()));
    marketData =
        MarketData.start(
            MarketDataConfig.defaults(TradingCalendar.nse()),
            store.dsl(),
            grid.hazelcast(),
            CLOCK,
            STREAM,
            TestIndicators.engine());
    List<Object> api = new ArrayList<>(marketData.resources());
    api.add(
        new AccessControlFeature(
            token -> {
              if (!token.equals(TOKEN)) {
                throw new com.sharewise.server.security.InvalidTokenException("bad token");
              }
              return new AuthenticatedUser(
                  1, "tester", Set.of(Roles.TRADER, Roles.ADMIN), "s", Instant.MAX);
            }));
    http = HttpServer.start(new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), api);
  }

  @AfterAll
  static void stop() {
    http.close();
    marketData.close();
    grid.close();
    store.close();
  }

  @Test
  void theSeededMasterIsSearchableAndUnknownInstrumentsAre404ByName() throws IOException {
    JsonNode infy = json(get("/api/v1/instruments?query=infy"));
    assertThat(infy.get(0).path("id").asText()).isEqualTo("NSE:INFY");
    assertThat(infy.get(0).path("isin").asText()).isEqualTo("INE009A01021");
    assertThat(json(get("/api/v1/instruments?query=bank")).findValuesAsText("id"))
        .contains("NSE:HDFCBANK", "NSE:ICICIBANK", "NSE:AXISBANK", "NSE:KOTAKBANK");
    assertThat(json(get("/api/v1/instruments/NSE:TCS")).path("tickSize").asDouble())
        .isEqualTo(0.05);

    HttpResponse<String> unknown = get("/api/v1/instruments/NSE:NOPE");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(unknown).path("detail").asText()).contains("NSE:NOPE");
    assertThat(get("/api/v1/instruments/garbage").statusCode()).isEqualTo(400);
  }

  @Test
  void anInstrumentFileImportsWholeOrNotAtAll() throws IOException {
    HttpResponse<String> bad =
        post(
            "/api/v1/instruments/import",
            "exchange,symbol,tick_size,lot_size\nNSE,ZOMATO,0.01,1\nNSE,PAYTM,zero,1\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/errors/lines/0/line").asInt()).isEqualTo(3);
    assertThat(get("/api/v1/instruments/NSE:ZOMATO").statusCode()).isEqualTo(404);

    HttpResponse<String> good =
        post(
            "/api/v1/instruments/import",
            "exchange,symbol,tick_size,lot_size,name\nNSE,ZOMATO,0.01,1,ZOMATO LTD\nNFO,NIFTYFUT,0.05,75,\n");
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    assertThat(json(good).path("imported").asInt()).isEqualTo(2);
    assertThat(json(get("/api/v1/instruments/NFO:NIFTYFUT")).path("lotSize").asInt()).isEqualTo(75);
    assertThat(marketData.instruments().find(InstrumentId.parse("NSE:ZOMATO"))).isPresent();
  }

  @Test
  void barsImportInOneTransactionAndAreQueriedByTimeRange() throws IOException {
    String csv =
        """
        timestamp,open,high,low,close,volume
        2025-01-02 09:15:00,100,102,99,101,1000
        2025-01-02 09:20:00,101,103,100,102,1100
        2025-01-02T09:25:00+05:30,102,104,101,103,1200
        2025-01-02T04:00:00Z,103,105,102,104,1300
        2025-01-02 09:35:00,104,106,103,105,1400
        2025-01-02 09:40:00,105,107,104,106,1500
        """;
    HttpResponse<String> imported = post(importPath("NSE:TCS", "5m"), csv);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(json(imported).path("imported").asInt()).isEqualTo(6);
    assertThat(json(imported).path("first").asText()).isEqualTo("2025-01-02T03:45:00Z");

    JsonNode bars =
        json(get(barsPath("NSE:TCS", "5m", "2025-01-02 09:20:00", "2025-01-02 09:40:00")));
    assertThat(bars.findValuesAsText("time"))
        .containsExactly(
            "2025-01-02T03:50:00Z",
            "2025-01-02T03:55:00Z",
            "2025-01-02T04:00:00Z",
            "2025-01-02T04:05:00Z");
    assertThat(bars.get(0).path("close").asDouble()).isEqualTo(102);

    // upsert: importing the same bar again replaces it
    assertThat(
            post(
                    importPath("NSE:TCS", "5m"),
                    "timestamp,open,high,low,close,volume\n2025-01-02 09:20:00,101,110,100,109,9999\n")
                .statusCode())
        .isEqualTo(200);
    JsonNode after = json(get(barsPath("NSE:TCS", "5m", "2025-01-02", "2025-01-03")));
    assertThat(after).hasSize(6);
    assertThat(after.get(1).path("close").asDouble()).isEqualTo(109);
    assertThat(after.get(1).path("volume").asLong()).isEqualTo(9999);
  }

  @Test
  void aCsvWithBadRowsIs400WithLineNumbersAndImportsNothing() throws IOException {
    String csv =
        """
        timestamp,open,high,low,close,volume
        2025-01-03 09:15:00,100,102,99,101,1000
        2025-01-03 09:16:00,100,102,99,101,1000
        2025-01-03 09:20:00,100,99,101,101,1000
        """;
    HttpResponse<String> response = post(importPath("NSE:SBIN", "5m"), csv);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.at("/errors/lines").findValuesAsText("line")).containsExactly("3", "4");
    assertThat(problem.path("detail").asText()).contains("line 3").contains("nothing imported");
    assertThat(json(get(barsPath("NSE:SBIN", "5m", "2025-01-03", "2025-01-04")))).isEmpty();
  }

  @Test
  void badTimeframesAre400ListingTheValidOnesAndUnknownInstruments404() throws IOException {
    HttpResponse<String> badTimeframe = get("/api/v1/bars?instrument=NSE:INFY&timeframe=2m");
    assertThat(badTimeframe.statusCode()).isEqualTo(400);
    assertThat(json(badTimeframe).path("detail").asText())
        .contains("2m")
        .contains("1m, 3m, 5m, 15m, 30m, 1h, 1d");

    HttpResponse<String> unknown = get("/api/v1/bars?instrument=NSE:NOPE&timeframe=1m");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("detail").asText()).contains("NSE:NOPE");
    assertThat(
            post(importPath("BSE:NOPE", "1m"), "timestamp,open,high,low,close,volume\n")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            post(importPath("NSE:INFY", "7m"), "timestamp,open,high,low,close,volume\n")
                .statusCode())
        .isEqualTo(400);
    assertThat(get("/api/v1/quotes/NSE:NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void indicatorsAreComputedOverStoredBarsWithWarmUp() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int i = 0; i < 10; i++) {
      double close = 200 + i;
      csv.append(
          String.format(
              "2025-01-02 %02d:%02d:00,%s,%s,%s,%s,100%n",
              9 + (15 + i * 15) / 60, (15 + i * 15) % 60, close, close, close, close));
    }
    assertThat(post(importPath("NSE:ITC", "15m"), csv.toString()).statusCode()).isEqualTo(200);

    assertThat(json(get("/api/v1/indicators")).findValuesAsText("id"))
        .contains("sma", "ema", "rsi");
    JsonNode sma =
        json(
            get(
                "/api/v1/indicators/sma?instrument=NSE:ITC&timeframe=15m&period=3&from="
                    + enc("2025-01-02 10:45:00")));
    // bars from 10:45 are closes 206..209; warm-up bars before them make every value defined
    assertThat(sma.path("times")).hasSize(4);
    List<Double> values = new ArrayList<>();
    sma.at("/values/value").forEach(v -> values.add(v.asDouble()));
    assertThat(values).containsExactly(205.0, 206.0, 207.0, 208.0);

    HttpResponse<String> unknown = get("/api/v1/indicators/nope?instrument=NSE:ITC&timeframe=15m");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("detail").asText()).contains("sma").contains("rsi");
    HttpResponse<String> badParameter =
        get("/api/v1/indicators/sma?instrument=NSE:ITC&timeframe=15m&period=0");
    assertThat(badParameter.statusCode()).isEqualTo(400);
    assertThat(json(badParameter).path("detail").asText()).contains("period");
  }

  @Test
  void liveTicksBecomeQuotesClosedBarsStoredBarsStreamsAndLiveIndicatorValues() throws IOException {
    LiveIndicators.LiveIndicator sma =
        marketData.liveIndicators().subscribe(INFY, Timeframe.M1, "sma", Map.of("period", "2"));
    List<LiveIndicatorValue> values = new java.util.concurrent.CopyOnWriteArrayList<>();
    sma.addListener(values::add);

    CLOCK.set(at("2025-01-06 09:15:00"));
    tick(INFY, "2025-01-06 09:15:05", 1500.00, 100);
    tick(INFY, "2025-01-06 09:15:45", 1504.00, 160);
    tick(INFY, "2025-01-06 09:16:10", 1502.00, 200);
    tick(INFY, "2025-01-06 09:16:20", 1490.00, 210); // 1m bar 09:16 still forming
    tick(INFY, "2025-01-06 09:15:50", 1.00, 999); // older than the newest: dropped
    marketData.flushQuotes();

    JsonNode quote = json(get("/api/v1/quotes/NSE:INFY"));
    assertThat(quote.path("last").asDouble()).isEqualTo(1490.00);
    assertThat(quote.path("time").asText()).isEqualTo("2025-01-06T03:46:20Z");
    assertThat(marketData.quotes().stats().droppedByInstrument()).containsEntry("NSE:INFY", 1L);
    assertThat(((QuoteDto) STREAM.latest("quotes", "NSE:INFY")).last()).isEqualTo(1490.00);

    await(
        () ->
            !json(getUnchecked(barsPath("NSE:INFY", "1m", "2025-01-06", "2025-01-07"))).isEmpty());
    JsonNode bars = json(get(barsPath("NSE:INFY", "1m", "2025-01-06", "2025-01-07")));
    assertThat(bars).hasSize(1);
    assertThat(bars.get(0).path("time").asText()).isEqualTo("2025-01-06T03:45:00Z");
    assertThat(bars.get(0).path("high").asDouble()).isEqualTo(1504.00);
    // the first tick counts its own trade (10), then the growth of the day's volume (160 - 100)
    assertThat(bars.get(0).path("volume").asLong()).isEqualTo(70);
    await(() -> STREAM.latest("bars", "NSE:INFY|1m") != null);
    assertThat(((BarDto) STREAM.latest("bars", "NSE:INFY|1m")).close()).isEqualTo(1504.00);
    await(() -> !values.isEmpty());
    assertThat(values.get(0).time()).isEqualTo(at("2025-01-06 09:15:00"));

    // the timer closes the 09:16 bar once its minute and the grace second have passed and the
    // instrument has been quiet for that second (the clock moves on as a real one would)
    CLOCK.set(at("2025-01-06 09:17:01"));
    await(
        () -> {
          CLOCK.set(CLOCK.instant().plusMillis(20));
          return values.size() == 2;
        });
    assertThat(values.get(1).values().get("value")).isEqualTo((1504.00 + 1490.00) / 2);
    assertThat(sma.latest()).contains(values.get(1));
    sma.close();
  }

  @Test
  void aQuoteSubscriberReceivesThisNodesTicksOnAListenerThreadUntilItCloses() {
    InstrumentId wipro = InstrumentId.parse("NSE:WIPRO");
    List<Tick> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    QuoteSource.Subscription subscription =
        marketData
            .quotes()
            .subscribe(
                wipro,
                tick -> {
                  threads.add(Thread.currentThread().getName());
                  received.add(tick);
                });

    tick(wipro, "2025-01-06 09:20:00", 300.00, 10);
    await(() -> received.size() == 1);
    subscription.close();
    tick(wipro, "2025-01-06 09:20:01", 300.05, 20);
    marketData.flushQuotes();

    assertThat(received).extracting(Tick::lastPrice).containsExactly(300.00);
    assertThat(threads).allMatch(name -> name.startsWith("marketdata-quote-listener-"));
    assertThat(marketData.quotes().latest(wipro).orElseThrow().lastPrice()).isEqualTo(300.05);
  }

  @Test
  void aQuoteShowsItsChangeAgainstThePreviousSessionsStoredClose() throws IOException {
    assertThat(
            post(
                    importPath("NSE:RELIANCE", "1d"),
                    "timestamp,open,high,low,close,volume\n2025-01-03,1200,1250,1190,1240,5000000\n")
                .statusCode())
        .isEqualTo(200);
    tick(InstrumentId.parse("NSE:RELIANCE"), "2025-01-06 10:00:00", 1271.00, 10);
    await(
        () -> {
          marketData.flushQuotes(); // the previous close loads in the background
          return json(getUnchecked("/api/v1/quotes/NSE:RELIANCE")).has("change")
              && !json(getUnchecked("/api/v1/quotes/NSE:RELIANCE")).path("change").isNull();
        });
    JsonNode quote = json(get("/api/v1/quotes/NSE:RELIANCE"));
    assertThat(quote.path("previousClose").asDouble()).isEqualTo(1240);
    assertThat(quote.path("change").asDouble()).isEqualTo(31);
    assertThat(quote.path("changePercent").asDouble()).isEqualTo(2.5);
  }

  @Test
  void endpointsRequireAToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/v1/quotes")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static void tick(InstrumentId id, String ist, double price, long volume) {
    marketData
        .ticks()
        .onTick(new Tick(id, at(ist), price, 10, volume, price - 0.05, price, MarketDepth.EMPTY));
  }

  private static String importPath(String instrument, String timeframe) {
    return "/api/v1/bars/import?instrument=" + instrument + "&timeframe=" + timeframe;
  }

  private static String barsPath(String instrument, String timeframe, String from, String to) {
    return "/api/v1/bars?instrument="
        + instrument
        + "&timeframe="
        + timeframe
        + "&from="
        + enc(from)
        + "&to="
        + enc(to);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  private static HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private static HttpResponse<String> getUnchecked(String path) {
    try {
      return get(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> post(String path, String body) throws IOException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(
          request
              .header("Authorization", "Bearer " + TOKEN)
              .timeout(Duration.ofSeconds(20))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

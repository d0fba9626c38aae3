package com.sharewise.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /ws} endpoint on a real Jetty, driven by a real WebSocket client on loopback. */
class WebSocketHubIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Set<InstrumentId> KNOWN =
      Stream.of("NSE:INFY", "NSE:TCS", "NSE:SBIN", "NSE:RELIANCE", "NSE:HDFCBANK")
          .map(InstrumentId::parse)
          .collect(Collectors.toUnmodifiableSet());

  private WebSocketClient client;
  private WebSocketHub hub;
  private HttpServer server;

  @BeforeEach
  void startClient() throws Exception {
    client = new WebSocketClient();
    client.setMaxTextMessageSize(4 << 20);
    client.start();
  }

  @AfterEach
  void stop() throws Exception {
    client.stop();
    if (server != null) {
      server.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  private URI start(StreamHubConfig config) {
    hub = new WebSocketHub(config);
    hub.register(StreamChannel.quotes(KNOWN::contains));
    hub.register(StreamChannel.bars(KNOWN::contains));
    server =
        HttpServer.start(
            new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), List.of(), hub);
    return URI.create("ws://127.0.0.1:" + server.port() + HttpServer.WEBSOCKET_PATH);
  }

  private TestClient connect(URI uri) throws Exception {
    return TestClient.connect(client, uri, true);
  }

  @Test
  void aSubscriberReceivesPublishedValuesUnderTheCanonicalKey() throws Exception {
    TestClient trader = connect(start(StreamHubConfig.defaults()));

    trader.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"nse:infy\",\"id\":7}");
    JsonNode subscribed = trader.next();
    assertThat(subscribed.path("type").asText()).isEqualTo("subscribed");
    assertThat(subscribed.path("key").asText()).isEqualTo("NSE:INFY");
    assertThat(subscribed.path("id").asInt()).isEqualTo(7);
    assertThat(hub.hasSubscribers("quotes", "NSE:INFY")).isTrue();
    assertThat(hub.hasSubscribers("quotes", "NSE:TCS")).isFalse();

    hub.publish("quotes", "NSE:TCS", Map.of("ltp", 4100.0));
    hub.publish("quotes", "NSE:INFY", Map.of("ltp", 1501.5, "volume", 1200));

    JsonNode data = trader.next();
    assertThat(data.path("type").asText()).isEqualTo("data");
    assertThat(data.path("channel").asText()).isEqualTo("quotes");
    assertThat(data.path("key").asText()).isEqualTo("NSE:INFY");
    assertThat(data.at("/data/ltp").asDouble()).isEqualTo(1501.5);
    assertThat(data.at("/data/volume").asInt()).isEqualTo(1200);
  }

  @Test
  void perMessageDeflateIsNotNegotiatedEvenWhenOffered() throws Exception {
    URI uri = start(StreamHubConfig.defaults());
    ClientUpgradeRequest offer = new ClientUpgradeRequest();
    offer.addExtensions("permessage-deflate");
    TestClient listener = new TestClient();

    Session session = client.connect(listener, uri, offer).get(10, TimeUnit.SECONDS);

    assertThat(session.getUpgradeResponse().getExtensions()).isEmpty();
    session.close();
  }

  @Test
  void barsAreSubscribedByInstrumentAndTimeframe() throws Exception {
    TestClient trader = connect(start(StreamHubConfig.defaults()));

    trader.send(
        "{\"action\":\"subscribe\",\"channel\":\"bars\",\"instrument\":\"NSE:SBIN\","
            + "\"timeframe\":\"5M\"}");
    assertThat(trader.next().path("key").asText()).isEqualTo("NSE:SBIN|5m");
    hub.publish("bars", "NSE:SBIN|5m", Map.of("close", 812.35));

    JsonNode bar = trader.next();
    assertThat(bar.path("key").asText()).isEqualTo("NSE:SBIN|5m");
    assertThat(bar.at("/data/close").asDouble()).isEqualTo(812.35);
  }

  @Test
  void aNewSubscriberGetsTheLatestValueAtOnceAndNothingAfterUnsubscribing() throws Exception {
    TestClient trader = connect(start(StreamHubConfig.defaults()));
    hub.publish("quotes", "NSE:RELIANCE", Map.of("ltp", 2900.0));
    hub.publish("quotes", "NSE:RELIANCE", Map.of("ltp", 2901.0));

    trader.send(
        "{\"action\":\"subscribe\",\"channel\":\"quotes\",\"instrument\":\"NSE:RELIANCE\"}");
    assertThat(trader.next().path("type").asText()).isEqualTo("subscribed");
    assertThat(trader.next().at("/data/ltp").asDouble()).isEqualTo(2901.0);

    trader.send(
        "{\"action\":\"unsubscribe\",\"channel\":\"quotes\",\"instrument\":\"NSE:RELIANCE\"}");
    assertThat(trader.next().path("type").asText()).isEqualTo("unsubscribed");
    assertThat(hub.hasSubscribers("quotes", "NSE:RELIANCE")).isFalse();
    hub.publish("quotes", "NSE:RELIANCE", Map.of("ltp", 2902.0));
    trader.send("{\"action\":\"ping\"}");
    assertThat(trader.next().path("type").asText()).isEqualTo("pong");
  }

  @Test
  void badRequestsGetAnErrorAndTheConnectionStaysUsable() throws Exception {
    TestClient trader = connect(start(StreamHubConfig.defaults()));

    trader.send("{not json");
    assertError(trader.next(), "not valid JSON");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"news\",\"key\":\"NSE:INFY\"}");
    assertError(trader.next(), "unknown channel 'news'; known channels: bars, quotes");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"INFY\"}");
    assertError(trader.next(), "invalid key for channel quotes: instrument must look like");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:NOPE\"}");
    assertError(trader.next(), "invalid key for channel quotes: unknown instrument NSE:NOPE");
    trader.send(
        "{\"action\":\"subscribe\",\"channel\":\"bars\",\"instrument\":\"NSE:NOPE\","
            + "\"timeframe\":\"5m\"}");
    assertError(trader.next(), "invalid key for channel bars: unknown instrument NSE:NOPE");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"bars\",\"instrument\":\"NSE:INFY\"}");
    assertError(trader.next(), "valid timeframes: 1m, 3m, 5m, 15m, 30m, 1h, 1d");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"quotes\"}");
    assertError(trader.next(), "\"key\" (or \"instrument\") is missing");
    trader.send("{\"action\":\"dance\"}");
    assertError(trader.next(), "unknown action 'dance'; known actions: subscribe, unsubscribe");
    trader.send("[1,2,3]");
    assertError(trader.next(), "must be a JSON object");

    trader.send("{\"action\":\"ping\",\"id\":\"p1\"}");
    JsonNode pong = trader.next();
    assertThat(pong.path("type").asText()).isEqualTo("pong");
    assertThat(pong.path("id").asText()).isEqualTo("p1");
    trader.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:INFY\"}");
    assertThat(trader.next().path("type").asText()).isEqualTo("subscribed");
    hub.publish("quotes", "NSE:INFY", Map.of("ltp", 1.0));
    assertThat(trader.next().path("type").asText()).isEqualTo("data");
  }

  @Test
  void aSlowReaderGetsTheNewestValueAndFarFewerThanWerePublished() throws Exception {
    TestClient slow = connect(start(StreamHubConfig.defaults()));
    slow.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:INFY\"}");
    assertThat(slow.next().path("type").asText()).isEqualTo("subscribed");
    slow.pause();
    String filler = "x".repeat(128 * 1024); // large values fill the socket buffers quickly

    // The client reads nothing while this runs: if publish waited for it, this would not end.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 1000; i++) {
            hub.publish("quotes", "NSE:INFY", Map.of("seq", i, "filler", filler));
          }
        });
    slow.readOneAfter(Duration.ofMillis(5));

    JsonNode last =
        slow.nextMatching(m -> m.at("/data/seq").asInt() == 999, Duration.ofSeconds(60));
    assertThat(last.path("key").asText()).isEqualTo("NSE:INFY");
    assertThat(slow.dataMessages()).isLessThan(500);
    assertThat(hub.stats().conflated()).isGreaterThan(500);
  }

  @Test
  void aClientThatStopsReadingIsDroppedWhileAHealthyOneKeepsReceiving() throws Exception {
    URI uri =
        start(
            StreamHubConfig.defaults()
                .withSlowConsumerLimits(256, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    TestClient stuck = connect(uri);
    TestClient healthy = connect(uri);
    for (TestClient c : List.of(stuck, healthy)) {
      c.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:TCS\"}");
      assertThat(c.next().path("type").asText()).isEqualTo("subscribed");
    }
    stuck.pause();
    String filler = "y".repeat(256 * 1024);

    int seq = 0;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (hub.stats().droppedSlowClients() == 0 && System.nanoTime() < deadline) {
      hub.publish("quotes", "NSE:TCS", Map.of("seq", seq++, "filler", filler));
      Thread.sleep(5);
    }

    assertThat(hub.stats().droppedSlowClients()).isEqualTo(1);
    await(() -> hub.stats().sessions() == 1);
    int after = seq;
    hub.publish("quotes", "NSE:TCS", Map.of("seq", after));
    JsonNode latest =
        healthy.nextMatching(m -> m.at("/data/seq").asInt() == after, Duration.ofSeconds(10));
    assertThat(latest.path("key").asText()).isEqualTo("NSE:TCS");
    // the dropped client learns why once it reads again: its close frame was queued
    stuck.readAll();
    assertThat(stuck.closed().get(10, TimeUnit.SECONDS))
        .isEqualTo("1013 slow consumer: a message was not read within 1 s");
  }

  @Test
  void theAuthenticatorDecidesWhoConnectsAndTheAuthorizerWhatTheySubscribeTo() throws Exception {
    URI uri = start(StreamHubConfig.defaults());
    hub.register(new StreamChannel("orders", KeyValidator.any(), false));
    hub.setAuthenticator(
        request ->
            Optional.ofNullable(request.queryParameter("user"))
                .map(name -> StreamUser.of(name, Set.of("TRADER"))));
    hub.setSubscriptionAuthorizer(
        (user, channel, key) -> !channel.equals("orders") || key.equals(user.getName()));

    assertThatThrownBy(() -> connect(uri))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UpgradeException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(401));

    TestClient alice = connect(URI.create(uri + "?user=alice"));
    alice.send("{\"action\":\"subscribe\",\"channel\":\"orders\",\"key\":\"bob\"}");
    assertError(alice.next(), "not allowed to subscribe to orders bob");
    alice.send("{\"action\":\"subscribe\",\"channel\":\"orders\",\"key\":\"alice\"}");
    assertThat(alice.next().path("type").asText()).isEqualTo("subscribed");
    hub.publish("orders", "alice", Map.of("status", "FILLED"));
    assertThat(alice.next().at("/data/status").asText()).isEqualTo("FILLED");
  }

  @Test
  void everySubscriberOfAnAccountGetsEveryEventInOrderWithItsTextIntact() throws Exception {
    URI uri = start(StreamHubConfig.defaults());
    hub.register(StreamChannel.events("fills"));
    List<TestClient> desks = List.of(connect(uri), connect(uri));
    for (TestClient desk : desks) {
      desk.send("{\"action\":\"subscribe\",\"channel\":\"fills\",\"key\":\"42\"}");
      assertThat(desk.next().path("type").asText()).isEqualTo("subscribed");
    }

    int events = 300;
    for (int i = 0; i < events; i++) {
      hub.publish("fills", "42", Map.of("seq", i, "note", "Bajaj Finserv – ₹1,640.50 fill " + i));
    }

    for (TestClient desk : desks) {
      for (int i = 0; i < events; i++) {
        JsonNode fill = desk.next();
        assertThat(fill.path("key").asText()).isEqualTo("42");
        assertThat(fill.at("/data/seq").asInt()).isEqualTo(i);
        assertThat(fill.at("/data/note").asText()).isEqualTo("Bajaj Finserv – ₹1,640.50 fill " + i);
      }
    }
  }

  @Test
  void aClosedConnectionLeavesNoSubscriptionAndClosingTheHubClosesClients() throws Exception {
    URI uri = start(StreamHubConfig.defaults());
    TestClient leaving = connect(uri);
    TestClient staying = connect(uri);
    for (TestClient c : List.of(leaving, staying)) {
      c.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:HDFCBANK\"}");
      c.next();
    }
    assertThat(hub.stats().subscriptions()).isEqualTo(2);

    leaving.close();
    await(() -> hub.stats().subscriptions() == 1);
    hub.close();

    assertThat(staying.closed().get(10, TimeUnit.SECONDS)).startsWith("1001");
    assertThat(hub.hasSubscribers("quotes", "NSE:HDFCBANK")).isFalse();
  }

  @Test
  void publishingToAnUnregisteredChannelIsAProgrammingError() {
    start(StreamHubConfig.defaults());

    assertThatThrownBy(() -> hub.publish("news", "x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'news' is not registered; registered: [bars, quotes]");
  }

  private static void assertError(JsonNode message, String text) {
    assertThat(message.path("type").asText()).as(message.toString()).isEqualTo("error");
    assertThat(message.path("message").asText()).contains(text);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}

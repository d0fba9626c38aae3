package com.sharewise.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket connection lasts as long as its access token: the hub closes it at expiry (read from
 * its clock, which the test moves) unless the client sent a fresh token over the socket.
 */
class TokenExpiryIT {

  private static final Instant START = Instant.parse("2026-01-05T04:00:00Z");
  private static final Duration TOKEN_LIFE = Duration.ofMinutes(15);

  private final ManualClock clock = new ManualClock(START);
  private WebSocketClient client;
  private WebSocketHub hub;
  private HttpServer server;
  private URI uri;

  /**
   * Tokens in this test are "token:NAME:ROLE:EXPIRY-EPOCH-SECONDS"; "bad" tokens are refused, as
   * the security area refuses expired, tampered or revoked ones.
   */
  private static Optional<StreamUser> parse(String token) {
    String[] parts = token == null ? new String[0] : token.split(":");
    if (parts.length != 4 || !parts[0].equals("token")) {
      return Optional.empty();
    }
    return Optional.of(
        StreamUser.of(parts[1], Set.of(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3]))));
  }

  private static String token(String name, String role, Instant expiresAt) {
    return "token:" + name + ":" + role + ":" + expiresAt.getEpochSecond();
  }

  @BeforeEach
  void start() throws Exception {
    client = new WebSocketClient();
    client.start();
    hub = new WebSocketHub(StreamHubConfig.defaults(), clock);
    hub.register(StreamChannel.quotes(instrument -> true));
    hub.register(new StreamChannel("orders", KeyValidator.any(), false));
    hub.setAuthenticator(
        new WebSocketAuthenticator() {
          @Override
          public Optional<StreamUser> authenticate(HandshakeRequest request) {
            return parse(request.queryParameter("access_token"));
          }

          @Override
          public Optional<StreamUser> reauthenticate(StreamUser current, String token) {
            return parse(token);
          }
        });
    // orders are for risk officers only in this test, so a role change shows
    hub.setSubscriptionAuthorizer(
        (user, channel, key) -> !channel.equals("orders") || user.hasRole("RISK_OFFICER"));
    server =
        HttpServer.start(
            new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), List.of(), hub);
    uri = URI.create("ws://127.0.0.1:" + server.port() + HttpServer.WEBSOCKET_PATH);
  }

  @AfterEach
  void stop() throws Exception {
    client.stop();
    server.close();
    hub.close();
  }

  private TestClient connect(String token) throws Exception {
    return TestClient.connect(client, URI.create(uri + "?access_token=" + token), true);
  }

  private static void subscribe(TestClient c, String channel, String key) throws Exception {
    c.send("{\"action\":\"subscribe\",\"channel\":\"" + channel + "\",\"key\":\"" + key + "\"}");
    assertThat(c.next().path("type").asText()).isEqualTo("subscribed");
  }

  /** The connection answers a ping, so it is open and served. */
  private static void assertOpen(TestClient c) throws Exception {
    c.send("{\"action\":\"ping\",\"id\":\"still-there\"}");
    JsonNode pong =
        c.nextMatching(m -> m.path("type").asText().equals("pong"), Duration.ofSeconds(10));
    assertThat(pong.path("id").asText()).isEqualTo("still-there");
    assertThat(c.closed()).isNotDone();
  }

  @Test
  void theConnectionIsClosedWithTheReasonWhenItsTokenExpires() throws Exception {
    TestClient trader = connect(token("asha", "TRADER", START.plus(TOKEN_LIFE)));
    subscribe(trader, "quotes", "NSE:INFY");

    clock.advance(TOKEN_LIFE.minusSeconds(1));
    assertThat(hub.closeExpired()).as("a second before expiry").isZero();
    assertOpen(trader);

    clock.advance(Duration.ofSeconds(1));
    assertThat(hub.closeExpired()).isEqualTo(1);

    assertThat(trader.closed().get(10, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
    assertThat(hub.hasSubscribers("quotes", "NSE:INFY")).isFalse();
  }

  @Test
  void theWatchdogClosesExpiredConnectionsByItself() throws Exception {
    TestClient trader = connect(token("asha", "TRADER", START.plus(TOKEN_LIFE)));
    subscribe(trader, "quotes", "NSE:INFY");

    clock.advance(TOKEN_LIFE.plusMinutes(1));

    // the watchdog runs every 250 ms; the wait only bounds the test
    assertThat(trader.closed().get(20, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  @Test
  void aFreshTokenSentOverTheSocketKeepsItOpenUntilTheNewExpiry() throws Exception {
    TestClient trader = connect(token("asha", "TRADER", START.plus(TOKEN_LIFE)));
    subscribe(trader, "quotes", "NSE:INFY");
    clock.advance(Duration.ofMinutes(12));
    Instant renewedUntil = clock.instant().plus(TOKEN_LIFE);

    trader.send(
        "{\"action\":\"auth\",\"id\":1,\"token\":\""
            + token("asha", "TRADER", renewedUntil)
            + "\"}");
    JsonNode authenticated = trader.next();
    assertThat(authenticated.path("type").asText()).isEqualTo("authenticated");
    assertThat(authenticated.path("expiresAt").asText()).isEqualTo(renewedUntil.toString());
    assertThat(authenticated.path("id").asInt()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(5)); // past the first token's expiry
    assertThat(hub.closeExpired()).isZero();
    assertOpen(trader);
    hub.publish("quotes", "NSE:INFY", Map.of("ltp", 1510.5));
    JsonNode quote =
        trader.nextMatching(m -> m.path("type").asText().equals("data"), Duration.ofSeconds(10));
    assertThat(quote.at("/data/ltp").asDouble()).isEqualTo(1510.5);

    clock.advance(TOKEN_LIFE);
    assertThat(hub.closeExpired()).isEqualTo(1);
    assertThat(trader.closed().get(10, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  @Test
  void aTokenThatIsRefusedOrForAnotherUserChangesNothing() throws Exception {
    TestClient trader = connect(token("asha", "TRADER", START.plus(TOKEN_LIFE)));

    trader.send("{\"action\":\"auth\",\"token\":\"bad\"}");
    JsonNode refused = trader.next();
    assertThat(refused.path("type").asText()).isEqualTo("error");
    assertThat(refused.path("message").asText())
        .contains("token not accepted")
        .contains("closes when the current token expires at " + START.plus(TOKEN_LIFE));

    trader.send(
        "{\"action\":\"auth\",\"token\":\""
            + token("ravi", "TRADER", START.plus(Duration.ofHours(1)))
            + "\"}");
    assertThat(trader.next().path("message").asText()).contains("the token is for another user");

    trader.send("{\"action\":\"auth\"}");
    assertThat(trader.next().path("message").asText()).contains("\"token\" is missing");

    clock.advance(TOKEN_LIFE);
    assertThat(hub.closeExpired()).isEqualTo(1);
    assertThat(trader.closed().get(10, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  @Test
  void subscriptionsTheRenewedRolesNoLongerAllowEnd() throws Exception {
    TestClient officer = connect(token("asha", "RISK_OFFICER", START.plus(TOKEN_LIFE)));
    subscribe(officer, "orders", "42");
    subscribe(officer, "quotes", "NSE:TCS");

    officer.send(
        "{\"action\":\"auth\",\"token\":\""
            + token("asha", "TRADER", START.plus(Duration.ofMinutes(30)))
            + "\"}");

    assertThat(officer.next().path("type").asText()).isEqualTo("authenticated");
    JsonNode ended = officer.next();
    assertThat(ended.path("type").asText()).isEqualTo("unsubscribed");
    assertThat(ended.path("channel").asText()).isEqualTo("orders");
    assertThat(ended.path("reason").asText()).contains("no longer allowed");
    assertThat(hub.hasSubscribers("orders", "42")).isFalse();
    assertThat(hub.hasSubscribers("quotes", "NSE:TCS")).isTrue();
  }

  @Test
  void aConnectionWithoutExpiryIsNeverClosedForIt() throws Exception {
    hub.setAuthenticator(WebSocketAuthenticator.anonymous());
    TestClient anonymous = TestClient.connect(client, uri, true);

    clock.advance(Duration.ofDays(365));
    assertThat(hub.closeExpired()).isZero();
    assertOpen(anonymous);
  }
}

package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sharewise.api.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket on a real node lasts as long as its access token (one minute here): the node closes
 * it with 4401 "token expired" when the token's expiry passes on the node's clock, which the test
 * moves, unless the client sent a refreshed token over the socket.
 */
class StreamTokenExpiryIT {

  @TempDir static Path home;
  private static final ManualClock CLOCK = new ManualClock(Instant.now());
  private static RunningNode running;

  @BeforeAll
  static void start() {
    running = RunningNode.start(home, Map.of("SHAREWISE_ACCESS_TOKEN_MINUTES", "1"), CLOCK);
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void theSocketClosesWithTheReasonWhenItsTokenExpires() throws Exception {
    JsonNode tokens = running.login("admin", RunningNode.ADMIN_PASSWORD);
    Stream stream = Stream.open(running, tokens.path("accessToken").asText());
    stream.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:INFY\"}");
    assertThat(stream.next("subscribed").path("key").asText()).isEqualTo("NSE:INFY");

    CLOCK.advance(Duration.ofSeconds(61));

    // the watchdog looks every 250 ms; the wait only bounds the test
    assertThat(stream.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  @Test
  void aRefreshedTokenSentOverTheSocketKeepsItOpen() throws Exception {
    JsonNode tokens = running.login("admin", RunningNode.ADMIN_PASSWORD);
    Stream stream = Stream.open(running, tokens.path("accessToken").asText());
    stream.send("{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:TCS\"}");
    stream.next("subscribed");

    CLOCK.advance(Duration.ofSeconds(45));
    JsonNode refreshed = refresh(tokens.path("refreshToken").asText());
    stream.send(
        "{\"action\":\"auth\",\"id\":\"r1\",\"token\":\""
            + refreshed.path("accessToken").asText()
            + "\"}");
    JsonNode authenticated = stream.next("authenticated");
    assertThat(authenticated.path("id").asText()).isEqualTo("r1");
    assertThat(Instant.parse(authenticated.path("expiresAt").asText()))
        .isAfter(CLOCK.instant().plusSeconds(50));

    CLOCK.advance(Duration.ofSeconds(30)); // the first token has expired, the refreshed one not
    Thread.sleep(1_000); // the watchdog looks several times meanwhile
    stream.send("{\"action\":\"ping\"}");
    stream.next("pong");
    assertThat(stream.closed).isNotDone();

    CLOCK.advance(Duration.ofSeconds(60)); // now the refreshed one has expired too
    assertThat(stream.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  @Test
  void aTokenThatIsNotValidChangesNothing() throws Exception {
    JsonNode tokens = running.login("admin", RunningNode.ADMIN_PASSWORD);
    Stream stream = Stream.open(running, tokens.path("accessToken").asText());

    stream.send("{\"action\":\"auth\",\"token\":\"not-a-token\"}");

    assertThat(stream.next("error").path("message").asText()).contains("token not accepted");
    CLOCK.advance(Duration.ofSeconds(61));
    assertThat(stream.closed.get(20, TimeUnit.SECONDS)).isEqualTo("4401 token expired");
  }

  private static JsonNode refresh(String refreshToken) {
    var response =
        running.send(
            running
                .anonymous("/api/v1/auth/refresh")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"refreshToken\":\"" + refreshToken + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RunningNode.parse(response.body());
  }

  /** A client of {@code /ws} that collects the messages and the close. */
  private static final class Stream implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Stream open(RunningNode node, String token) throws Exception {
      Stream stream = new Stream();
      stream.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      "ws://127.0.0.1:" + node.node.httpPort() + "/ws?access_token=" + token),
                  stream)
              .get(10, TimeUnit.SECONDS);
      return stream;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    /** The next message of {@code type}, skipping others (data), waiting up to 10 s. */
    JsonNode next(String type) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (true) {
        JsonNode message =
            received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError("no " + type + " message within 10 s");
        }
        if (message.path("type").asText().equals(type)) {
          return message;
        }
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(RunningNode.parse(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error);
    }
  }
}

package com.sharewise.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A WebSocket client for tests that reads only when asked to: {@link #readAll()} makes it read
 * everything as it arrives, {@link #pause()} stops reading (the socket fills up, as with a client
 * that hangs), {@link #readOneAfter} reads one message at a time with a pause after each.
 */
public final class TestClient implements Session.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final AtomicInteger dataMessages = new AtomicInteger();
  private volatile Session session;
  private volatile boolean autoRead;
  private volatile long pauseAfterEachMillis;

  static TestClient connect(WebSocketClient client, URI uri, boolean read) throws Exception {
    TestClient listener = new TestClient();
    listener.autoRead = read;
    client.connect(listener, uri).get(10, TimeUnit.SECONDS);
    return listener;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    if (autoRead) {
      session.demand();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    try {
      JsonNode parsed = JSON.readTree(message);
      if (parsed.path("type").asText().equals("data")) {
        dataMessages.incrementAndGet();
      }
      received.add(parsed);
    } catch (Exception e) {
      throw new IllegalStateException("server sent invalid JSON: " + message, e);
    }
    long pause = pauseAfterEachMillis;
    if (pause > 0) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (autoRead) {
      session.demand();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    closed.complete(statusCode + " " + reason);
    callback.succeed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    closed.complete("error " + cause);
  }

  void send(String text) {
    session.sendText(text, Callback.NOOP);
  }

  void pause() {
    autoRead = false;
  }

  void readAll() {
    autoRead = true;
    session.demand();
  }

  /** Reads on, pausing after each message (a slow client). */
  void readOneAfter(Duration pause) {
    pauseAfterEachMillis = pause.toMillis();
    readAll();
  }

  /** The next message, waiting up to 10 s. */
  JsonNode next() throws InterruptedException {
    JsonNode message = received.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 10 s");
    }
    return message;
  }

  /** Skips messages until one matches, waiting up to {@code timeout} in all. */
  JsonNode nextMatching(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("no matching message within " + timeout);
      }
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  /** Data messages received so far. */
  int dataMessages() {
    return dataMessages.get();
  }

  CompletableFuture<String> closed() {
    return closed;
  }

  void close() {
    Session current = session;
    if (current != null && current.isOpen()) {
      current.close();
    }
  }
}

package com.sharewise.benchmarks;

import com.sharewise.distribution.Api;
import com.sharewise.distribution.NodeProcess;
import com.sharewise.distribution.TradingDesk;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders through a real node, from outside, as a trading client sends them: {@code bin/sharewise}
 * started on a fresh data folder, a desk opened through the API ({@link TradingDesk}: limits and
 * rules that accept orders at any hour and 100,000 orders a second, the REST order rate limits
 * raised), then MARKET orders on the paper broker POSTed at fixed offered rates, open loop: each
 * send is scheduled by the clock and latencies count from the scheduled time, so a slow answer
 * cannot hold back the next sends and hide itself (coordinated omission). At most {@value
 * #MAX_IN_FLIGHT} requests are outstanding (keep-alive HTTP/1.1 connections); a send that waits for
 * one counts that wait.
 *
 * <p>Two latencies per order: until the HTTP answer (the order journaled and the paper broker's
 * first answer journaled), and until the WebSocket {@code orders} channel of the account delivers
 * the order with status FILLED (the fill journaled and pushed). Each rate runs on the trader's
 * default paper account (its journal forced to disk per order, as in production) and then on a
 * second paper account with {@code durable=false}, which separates the paper broker's own disk
 * writes from the platform's. A node that cannot keep up is not offered more once the sends fall
 * {@link #MAX_BACKLOG} behind schedule; what was not sent counts as not filled. The client runs on
 * the same machine as the node and its PostgreSQL, so it competes with them for the CPU.
 *
 * <p>The node inherits this process's environment: {@code SHAREWISE_JAVA_OPTS} (e.g. a JFR
 * recording) reaches it.
 */
final class OrderBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(OrderBenchmark.class);

  // 20/s shows the latency of an order on an unloaded path; -Dorders.rates=100,200
  // -Dorders.seconds=5 for a quicker look (e.g. while profiling)
  private static final int[] RATES =
      Stream.of(System.getProperty("orders.rates", "20,500,1000,2000").split(","))
          .mapToInt(r -> Integer.parseInt(r.trim()))
          .toArray();
  private static final Duration PHASE = Duration.ofSeconds(Long.getLong("orders.seconds", 10));
  private static final int WARM_UP_RATE = 100;
  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("orders.warmUp", 20));
  private static final int MAX_IN_FLIGHT = 64;
  private static final Duration DRAIN = Duration.ofSeconds(30);
  // a node that cannot keep up: stop offering once the sends are this far behind their schedule
  private static final Duration MAX_BACKLOG = Duration.ofSeconds(5);
  private static final List<String> INSTRUMENTS =
      List.of("NSE:INFY", "NSE:TCS", "NSE:RELIANCE", "NSE:SBIN", "NSE:ITC");

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public void run(Results results) throws Exception {
    Path data = Files.createTempDirectory("sharewise-bench-orders");
    Map<String, String> env = new HashMap<>(TradingDesk.nodeEnvironment());
    // start-up is not measured here; no class-cache training or archive writes around the run
    env.put("SHAREWISE_CLASS_CACHE", "off");
    try (NodeProcess node = NodeProcess.launch(NodeProcess.distribution(), data, env)) {
      node.awaitHealthy(Duration.ofMinutes(3));
      TradingDesk desk = TradingDesk.open(new Api(node.uri("")));
      long fast = desk.openPaperAccount("Paper, not durable", Map.of("durable", "false"));
      try (Load durable = new Load(node, desk, desk.accountId());
          Load notDurable = new Load(node, desk, fast)) {
        LOG.info("warm-up: {} orders/s for {} s", WARM_UP_RATE, WARM_UP.toSeconds());
        notDurable.run(WARM_UP_RATE, WARM_UP, "warm");
        for (int rate : RATES) {
          Thread.sleep(2_000);
          record(results, "orders", "", durable.run(rate, PHASE, "r" + rate));
        }
        for (int rate : RATES) {
          Thread.sleep(2_000);
          record(
              results,
              "orders.paperNotDurable",
              ", paper journal not forced to disk",
              notDurable.run(rate, PHASE, "fast" + rate));
        }
      }
    } finally {
      deleteQuietly(data);
    }
  }

  private static void record(Results results, String prefix, String variant, Phase p) {
    String name = prefix + ".rate" + p.rate;
    String offered =
        "offered " + p.rate + "/s for " + PHASE.toSeconds() + " s, open loop" + variant;
    if (!p.filled.isEmpty()) {
      results.add(
          name + ".submitToFilled",
          "REST POST MARKET order (paper) → WebSocket 'orders' event FILLED, " + offered,
          Stats.ofNanos(List.copyOf(p.filled)));
    }
    if (!p.answered.isEmpty()) {
      results.add(
          name + ".httpResponse",
          "REST POST MARKET order (paper) → HTTP 201, " + offered,
          Stats.ofNanos(List.copyOf(p.answered)));
    }
    results.addValue(
        name + ".achieved",
        "orders filled per second, " + offered,
        Math.round(p.achievedPerSecond() * 10) / 10.0,
        "/s");
    if (p.offered - p.filled.size() > 0) {
      results.addValue(
          name + ".notFilled",
          "of "
              + p.offered
              + " offered: not sent (over "
              + MAX_BACKLOG.toSeconds()
              + " s behind), refused, rejected or not filled within "
              + DRAIN.toSeconds()
              + " s, "
              + offered,
          p.offered - p.filled.size(),
          "orders");
    }
    LOG.info(
        "{}{} {}/s offered: {} of {} sent, {} answered 2xx, {} filled ({}/s), {} failed, {}"
            + " rejected; first failure: {}",
        prefix,
        variant,
        p.rate,
        p.sent,
        p.offered,
        p.answered.size(),
        p.filled.size(),
        String.format("%.0f", p.achievedPerSecond()),
        p.failed.get(),
        p.rejected.get(),
        p.firstFailure);
  }

  /** One offered rate's samples and counts. Thread-safe. */
  private static final class Phase {
    final int rate;
    final long start;
    final int offered;
    int sent;
    final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> filled = new ConcurrentLinkedQueue<>();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicLong lastFill = new AtomicLong();
    volatile String firstFailure = "none";

    Phase(int rate, long start, int offered) {
      this.rate = rate;
      this.start = start;
      this.offered = offered;
    }

    void fail(String why) {
      if (failed.getAndIncrement() == 0) {
        firstFailure = why;
      }
    }

    void reject(String why) {
      if (rejected.getAndIncrement() == 0 && failed.get() == 0) {
        firstFailure = why;
      }
    }

    int outstanding() {
      return sent - filled.size() - failed.get() - rejected.get();
    }

    double achievedPerSecond() {
      long last = lastFill.get();
      return last <= start ? 0 : filled.size() / ((last - start) / 1e9);
    }
  }

  /** An order waiting for its FILLED event. */
  private record Pending(long scheduled, Phase phase) {}

  /** The client: keep-alive HTTP for orders, one WebSocket following the account's orders. */
  private static final class Load implements WebSocket.Listener, AutoCloseable {

    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI orders;
    private final String token;
    private final long account;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Load(NodeProcess node, TradingDesk desk, long account) throws Exception {
      this.orders = node.uri("/api/v1/orders");
      this.token = desk.traderToken();
      this.account = account;
      URI ws =
          URI.create(
              "ws://127.0.0.1:"
                  + node.httpPort()
                  + "/ws?access_token="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8));
      this.socket = http.newWebSocketBuilder().buildAsync(ws, this).get(10, TimeUnit.SECONDS);
      socket
          .sendText(
              "{\"action\":\"subscribe\",\"channel\":\"orders\",\"key\":\"" + account + "\"}", true)
          .get(10, TimeUnit.SECONDS);
      subscribed.get(10, TimeUnit.SECONDS);
    }

    /** Offers {@code rate} orders a second for {@code length}, then waits for them to fill. */
    Phase run(int rate, Duration length, String prefix) throws InterruptedException {
      long start = System.nanoTime() + 20_000_000L;
      int count = Math.toIntExact(rate * length.toSeconds());
      Phase phase = new Phase(rate, start, count);
      for (int i = 0; i < count; i++) {
        long scheduled = start + i * 1_000_000_000L / rate;
        for (long wait = scheduled - System.nanoTime(); wait > 0; ) {
          LockSupport.parkNanos(wait);
          wait = scheduled - System.nanoTime();
        }
        if (!inFlight.tryAcquire(
            scheduled + MAX_BACKLOG.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          LOG.warn(
              "{}/s: sends {} s behind schedule; the rest are not sent",
              rate,
              MAX_BACKLOG.toSeconds());
          break;
        }
        String key = prefix + "-" + i;
        pending.put(key, new Pending(scheduled, phase));
        phase.sent++;
        http.sendAsync(request(key, INSTRUMENTS.get(i % INSTRUMENTS.size())), BODY)
            .whenComplete((answer, error) -> answered(key, scheduled, phase, answer, error));
      }
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (phase.outstanding() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      pending.values().removeIf(p -> p.phase() == phase);
      return phase;
    }

    private static final HttpResponse.BodyHandler<String> BODY =
        HttpResponse.BodyHandlers.ofString();

    private HttpRequest request(String key, String instrument) {
      String body =
          "{\"accountId\":"
              + account
              + ",\"instrument\":\""
              + instrument
              + "\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\",\"product\":\"CNC\"}";
      return HttpRequest.newBuilder(orders)
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    private void answered(
        String key, long scheduled, Phase phase, HttpResponse<String> answer, Throwable error) {
      long now = System.nanoTime();
      inFlight.release();
      if (error != null) {
        pending.remove(key);
        phase.fail(error.toString());
      } else if (answer.statusCode() != 201) {
        pending.remove(key);
        phase.fail(answer.statusCode() + " " + answer.body());
      } else {
        phase.answered.add(now - scheduled);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        handle(message, System.nanoTime());
      }
      webSocket.request(1);
      return null;
    }

    private void handle(String message, long now) {
      if (!message.contains("\"type\":\"data\"")) {
        if (message.contains("\"type\":\"subscribed\"")) {
          subscribed.complete(null);
        } else if (message.contains("\"type\":\"error\"")) {
          LOG.warn("stream error: {}", message);
        }
        return;
      }
      String status = field(message, "status");
      if (!"FILLED".equals(status) && !"REJECTED".equals(status) && !"CANCELLED".equals(status)) {
        return;
      }
      Pending order = pending.remove(field(message, "clientOrderId"));
      if (order == null) {
        return;
      }
      if (status.equals("FILLED")) {
        order.phase().filled.add(now - order.scheduled());
        order.phase().lastFill.accumulateAndGet(now, Math::max);
      } else {
        order.phase().reject(status + ": " + field(message, "reason"));
      }
    }

    /** The text of a string field {@code "name":"…"} (the first occurrence), or "". */
    private static String field(String json, String name) {
      String prefix = "\"" + name + "\":\"";
      int from = json.indexOf(prefix);
      if (from < 0) {
        return "";
      }
      from += prefix.length();
      int to = json.indexOf('"', from);
      return to < 0 ? "" : json.substring(from, to);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      LOG.warn("order stream closed: {} {}", statusCode, reason);
      subscribed.completeExceptionally(new IOException("closed: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      LOG.warn("order stream failed", error);
      subscribed.completeExceptionally(error);
    }

    @Override
    public void close() {
      socket.abort();
    }
  }

  /** Deletes a benchmark's temporary data folder (a node's database is tens of megabytes). */
  static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", folder, e.getMessage());
    }
  }
}

package com.sharewise.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of trading, as an operator would suffer it: the node ({@code
 * bin/sharewise}, a separate JVM) is killed with SIGKILL while several clients send a burst of
 * market and limit orders, then started again on the same data folder. What the clients were told
 * must still hold: every acknowledged order exists, nothing reached the broker twice, an
 * idempotency key still answers with its order and places nothing new, orders of unknown outcome
 * are reconciled, and positions are exactly the fills (the platform's and the broker's).
 */
class OrderCrashIT {

  private static final System.Logger LOG = System.getLogger(OrderCrashIT.class.getName());

  private static final List<String> INSTRUMENTS = List.of("NSE:INFY", "NSE:TCS", "NSE:SBIN");
  private static final int CLIENTS = 8;
  private static final int MAX_ORDERS_PER_CLIENT = 100;
  private static final int KILL_AFTER_ACKNOWLEDGED = 120;
  private static final Duration START = Duration.ofMinutes(2);
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @TempDir Path data;

  /** An order a client sent: its idempotency key and JSON body. */
  private record Sent(String key, String body) {}

  @Test
  void afterASigkillMidBurstAcknowledgedOrdersSurviveNothingIsSentTwiceAndPositionsEqualFills()
      throws Exception {
    Map<String, String> env = new HashMap<>(TradingDesk.nodeEnvironment());
    // two cores shared with the build: a cold rule evaluation may take longer than the 50 ms
    // production budget, which would reject orders for reasons no trader causes
    env.put("SHAREWISE_RULES_TIME_BUDGET_MILLIS", "2000");
    // start-up is not what this test is about: no class-cache training, no archive written at exit
    env.put("SHAREWISE_CLASS_CACHE", "off");
    Map<String, Sent> sent = new ConcurrentHashMap<>();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (NodeProcess first = NodeProcess.launch(NodeProcess.distribution(), data, env)) {
      first.awaitHealthy(START);
      long healthy = System.nanoTime();
      TradingDesk desk = TradingDesk.open(new Api(first.uri("")));
      long open = System.nanoTime();
      Map<String, BigDecimal> prices = new HashMap<>();
      for (String instrument : INSTRUMENTS) {
        prices.put(instrument, desk.lastPrice(instrument));
        // a holding to sell from: delivery (CNC) sells may not go short
        Sent holding =
            new Sent(
                "holding-" + instrument,
                Api.write(body(desk.accountId(), instrument, "BUY", 50, "MARKET", null)));
        assertThat(place(desk, holding).statusCode()).isEqualTo(201);
      }

      int unanswered = burstUntilKilled(first, desk, prices, sent, acknowledged);

      assertThat(acknowledged).as("orders acknowledged before the kill").isNotEmpty();
      assertThat(unanswered).as("requests cut off by the kill (it came mid-burst)").isPositive();
      assertThat(first.isAlive()).isFalse();

      long killed = System.nanoTime();
      try (NodeProcess second = first.restart()) {
        second.awaitHealthy(START);
        long restarted = System.nanoTime();
        TradingDesk after = desk.reconnect(new Api(second.uri("")));
        String trader = after.traderToken();
        long account = after.accountId();

        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
          HttpResponse<String> order =
              after.api().send("GET", "/orders/" + ack.getValue(), trader, null);
          assertThat(order.statusCode()).as("acknowledged order %s", ack.getValue()).isEqualTo(200);
          assertThat(Api.parse(order.body()).at("/order/clientOrderId").asText())
              .isEqualTo(ack.getKey());
        }

        int uncertain =
            after
                .api()
                .call(
                    "GET",
                    "/orders?accountId=" + account + "&status=UNKNOWN,PENDING_SUBMIT&limit=1000",
                    trader,
                    null)
                .size();
        awaitOrders(
            after,
            "?accountId=" + account + "&status=UNKNOWN,PENDING_SUBMIT&limit=1000",
            JsonNode::isEmpty,
            "orders of unknown outcome reconciled");

        int before = orders(after).size();
        int placedAnew = 0;
        for (Sent again : sent.values()) {
          HttpResponse<String> answer = place(after, again);
          String id = Api.parse(answer.body()).path("id").asText();
          if (acknowledged.containsKey(again.key())) {
            assertThat(answer.statusCode()).as("resent %s", again.key()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(id).isEqualTo(acknowledged.get(again.key()));
          } else {
            // cut off by the kill: journaled before it (the same order) or not (a new one)
            assertThat(answer.statusCode()).as("resent %s", again.key()).isIn(200, 201);
            placedAnew += answer.statusCode() == 201 ? 1 : 0;
          }
        }
        List<JsonNode> orders = orders(after);
        assertThat(orders).hasSize(before + placedAnew);
        assertThat(orders.stream().map(o -> o.path("clientOrderId").asText()))
            .as("one order per idempotency key")
            .doesNotHaveDuplicates();

        cancelWorkingOrders(after);
        orders = orders(after);
        BrokerBook broker = BrokerBook.read(second.data(), account);
        assertThat(broker.placedClientOrderIds())
            .as("client order ids the paper broker was sent")
            .doesNotHaveDuplicates();
        Set<String> platformIds = new HashSet<>();
        List<String> brokerIds = new ArrayList<>();
        for (JsonNode order : orders) {
          platformIds.add(order.path("id").asText());
          String brokerId = order.path("brokerOrderId").asText();
          if (!brokerId.isEmpty()) {
            brokerIds.add(brokerId);
            assertThat(broker.clientOrderIdOf(brokerId))
                .as("the broker's order %s", brokerId)
                .isEqualTo(order.path("id").asText());
          }
        }
        assertThat(brokerIds).as("broker order ids").doesNotHaveDuplicates();
        assertThat(platformIds)
            .as("every order at the broker is one of the platform's")
            .containsAll(broker.placedClientOrderIds());

        // fills reach the books asynchronously (broker callbacks): compare once they are quiet
        Books books = Books.awaitSettled(after, second.data());
        assertThat(books.fillIds()).as("fills booked once").doesNotHaveDuplicates();
        assertThat(books.positions())
            .as("positions against the platform's fills")
            .isEqualTo(books.platformFills())
            .as("positions against the broker's fills")
            .isEqualTo(books.brokerFills());
        LOG.log(
            System.Logger.Level.INFO,
            "{0} orders acknowledged and {1} requests cut off by the kill; after the restart {2}"
                + " orders were still of unknown outcome at first look; resending {3} keys placed"
                + " {4} anew; {5} orders, {6} fills. Seconds: start {7}, desk {8}, burst {9},"
                + " restart {10}, checks {11}",
            acknowledged.size(),
            unanswered,
            uncertain,
            sent.size(),
            placedAnew,
            orders.size(),
            books.fillIds().size(),
            seconds(start, healthy),
            seconds(healthy, open),
            seconds(open, killed),
            seconds(killed, restarted),
            seconds(restarted, System.nanoTime()));
      }
    }
  }

  /**
   * Sends orders from {@link #CLIENTS} threads until {@link #KILL_AFTER_ACKNOWLEDGED} are
   * acknowledged, kills the node, and lets the clients run into the dead node.
   *
   * @return how many requests got no answer
   */
  private static int burstUntilKilled(
      NodeProcess node,
      TradingDesk desk,
      Map<String, BigDecimal> prices,
      Map<String, Sent> sent,
      Map<String, String> acknowledged)
      throws InterruptedException {
    CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
    AtomicInteger unanswered = new AtomicInteger();
    List<String> refused = new CopyOnWriteArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.execute(
            () -> {
              Random random = new Random(client);
              for (int i = 0; i < MAX_ORDERS_PER_CLIENT; i++) {
                Sent order = randomOrder("crash-" + client + "-" + i, desk, prices, random);
                sent.put(order.key(), order);
                try {
                  HttpResponse<String> answer = place(desk, order);
                  if (answer.statusCode() / 100 == 2) {
                    acknowledged.put(order.key(), Api.parse(answer.body()).path("id").asText());
                    enough.countDown();
                  } else {
                    refused.add(answer.statusCode() + " " + answer.body());
                  }
                } catch (IOException | InterruptedException nodeGone) {
                  unanswered.incrementAndGet();
                  return;
                }
              }
            });
      }
      assertThat(enough.await(60, TimeUnit.SECONDS))
          .as("%d orders acknowledged within 60 s", KILL_AFTER_ACKNOWLEDGED)
          .isTrue();
      node.kill();
    } finally {
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(refused).as("orders the node refused").isEmpty();
    return unanswered.get();
  }

  /** A small MARKET or LIMIT order, three buys to a sell; limits either side of the last price. */
  private static Sent randomOrder(
      String key, TradingDesk desk, Map<String, BigDecimal> prices, Random random) {
    String instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
    String side = random.nextInt(4) == 0 ? "SELL" : "BUY";
    long quantity = 1 + random.nextInt(5);
    BigDecimal limit = null;
    if (random.nextBoolean()) {
      // 1% through the market (fills at once) or 1% away from it (rests, fills later or never)
      BigDecimal factor = new BigDecimal(random.nextBoolean() ? "1.01" : "0.99");
      limit = TradingDesk.onTick(prices.get(instrument).multiply(factor));
    }
    return new Sent(
        key,
        Api.write(
            body(
                desk.accountId(),
                instrument,
                side,
                quantity,
                limit == null ? "MARKET" : "LIMIT",
                limit)));
  }

  private static Map<String, Object> body(
      long account, String instrument, String side, long quantity, String type, BigDecimal price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accountId", account);
    body.put("instrument", instrument);
    body.put("side", side);
    body.put("quantity", quantity);
    body.put("type", type);
    body.put("product", "CNC");
    if (price != null) {
      body.put("price", price);
    }
    return body;
  }

  private static HttpResponse<String> place(TradingDesk desk, Sent order)
      throws IOException, InterruptedException {
    HttpRequest request =
        desk.api()
            .request("/orders", desk.traderToken())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", order.key())
            .POST(HttpRequest.BodyPublishers.ofString(order.body()))
            .build();
    return desk.api().send(request);
  }

  private static List<JsonNode> orders(TradingDesk desk) throws Exception {
    List<JsonNode> orders = new ArrayList<>();
    desk.api()
        .call(
            "GET",
            "/orders?accountId=" + desk.accountId() + "&limit=1000",
            desk.traderToken(),
            null)
        .forEach(orders::add);
    assertThat(orders).as("all orders fit in one page").hasSizeLessThan(1000);
    return orders;
  }

  /** Cancels the orders still working (resting limits) and waits until every order is final. */
  private static void cancelWorkingOrders(TradingDesk desk) throws Exception {
    String open = "?accountId=" + desk.accountId() + "&open=true&limit=1000";
    for (JsonNode order : desk.api().call("GET", "/orders" + open, desk.traderToken(), null)) {
      // 409: it finished meanwhile
      desk.api()
          .call(
              "DELETE", "/orders/" + order.path("id").asText(), desk.traderToken(), null, 200, 409);
    }
    awaitOrders(desk, open, JsonNode::isEmpty, "every order final");
  }

  private static void awaitOrders(
      TradingDesk desk, String query, Predicate<JsonNode> condition, String what) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = desk.api().call("GET", "/orders" + query, desk.traderToken(), null);
      if (condition.test(last)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what + "; last answer: " + last);
  }

  private static String seconds(long from, long to) {
    return String.format("%.1f", (to - from) / 1e9);
  }

  private static Map<String, Long> withoutZeros(Map<String, Long> quantities) {
    Map<String, Long> nonZero = new TreeMap<>(quantities);
    nonZero.values().removeIf(q -> q == 0);
    return nonZero;
  }

  /**
   * Net quantities per instrument three ways: the platform's positions, its fills ({@code GET
   * /trades}) signed by side, and the paper broker's fills; zero quantities left out.
   */
  private record Books(
      Map<String, Long> positions,
      Map<String, Long> platformFills,
      Map<String, Long> brokerFills,
      List<String> fillIds) {

    static Books read(TradingDesk desk, Path data) throws Exception {
      String account = "?accountId=" + desk.accountId();
      JsonNode trades =
          desk.api().call("GET", "/trades" + account + "&limit=1000", desk.traderToken(), null);
      assertThat(trades.size()).as("all fills fit in one page").isLessThan(1000);
      Map<String, Long> fills = new TreeMap<>();
      for (JsonNode fill : trades) {
        long quantity = fill.path("quantity").asLong();
        fills.merge(
            fill.path("instrument").asText(),
            fill.path("side").asText().equals("SELL") ? -quantity : quantity,
            Long::sum);
      }
      Map<String, Long> positions = new TreeMap<>();
      for (JsonNode position :
          desk.api().call("GET", "/positions" + account, desk.traderToken(), null)) {
        positions.merge(
            position.path("instrument").asText(), position.path("quantity").asLong(), Long::sum);
      }
      return new Books(
          withoutZeros(positions),
          withoutZeros(fills),
          withoutZeros(BrokerBook.read(data, desk.accountId()).netQuantities()),
          trades.findValuesAsText("id"));
    }

    /** The books once all three agree, or as they are after {@link #SETTLE}. */
    static Books awaitSettled(TradingDesk desk, Path data) throws Exception {
      long deadline = System.nanoTime() + SETTLE.toNanos();
      Books books = read(desk, data);
      while (!books.agree() && System.nanoTime() < deadline) {
        Thread.sleep(200);
        books = read(desk, data);
      }
      return books;
    }

    boolean agree() {
      return positions.equals(platformFills) && positions.equals(brokerFills);
    }
  }

  /**
   * The paper broker's order book, read from its journal ({@code
   * <data>/brokers/<account>/orders.journal}, one tab-separated event per line; see the paper
   * broker's README): PLACED lines name the broker's order id, the client order id (the platform's
   * order id), instrument and side; FILLED lines the quantity executed.
   */
  private record BrokerBook(
      List<String> placedClientOrderIds,
      Map<String, String> clientOrderIdByBrokerId,
      Map<String, Long> netQuantities) {

    static BrokerBook read(Path data, long account) throws IOException {
      Path journal =
          data.resolve("brokers").resolve(Long.toString(account)).resolve("orders.journal");
      List<String> clientOrderIds = new ArrayList<>();
      Map<String, String> byBrokerId = new HashMap<>();
      Map<String, String[]> placed = new HashMap<>();
      Map<String, Long> net = new TreeMap<>();
      for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("PLACED")) {
          String clientOrderId = URLDecoder.decode(f[3], StandardCharsets.UTF_8);
          clientOrderIds.add(clientOrderId);
          byBrokerId.put(f[1], clientOrderId);
          placed.put(f[1], f);
        } else if (f[0].equals("FILLED")) {
          String[] order = placed.get(f[1]);
          long quantity = Long.parseLong(f[4]);
          net.merge(order[5], order[6].equals("SELL") ? -quantity : quantity, Long::sum);
        }
      }
      return new BrokerBook(clientOrderIds, byBrokerId, net);
    }

    String clientOrderIdOf(String brokerOrderId) {
      return clientOrderIdByBrokerId.get(brokerOrderId);
    }
  }
}

package com.sharewise.benchmarks;

import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.StreamHubConfig;
import com.sharewise.server.ws.StreamHubStats;
import com.sharewise.server.ws.WebSocketHub;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out of one quote to 10,000 WebSocket subscribers on one node: the hub and Jetty as the node
 * runs them, the subscribers real WebSocket clients on loopback in a second JVM ({@link
 * FanOutClients}). Every 250 ms one quote is published; each subscriber records how long after the
 * publish call it received it. Reported: publish → receipt over every (quote, subscriber) pair, and
 * per quote the time until the last subscriber had it.
 */
final class StreamFanOutBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(StreamFanOutBenchmark.class);
  private static final int SUBSCRIBERS = Integer.getInteger("sharewise.bench.subscribers", 10_000);
  private static final int WARMUP = 10;
  private static final int QUOTES = 40;
  private static final Duration INTERVAL = Duration.ofMillis(250);

  @Override
  public String name() {
    return "fanout";
  }

  @Override
  public void run(Results results) throws Exception {
    Path samplesFile = Files.createTempFile("sharewise-fanout", ".bin");
    StreamHubConfig defaults = StreamHubConfig.defaults();
    int threads = Integer.getInteger("sharewise.bench.fanOutThreads", defaults.fanOutThreads());
    StreamHubConfig config =
        new StreamHubConfig(
            threads,
            defaults.inlineFanOut(),
            defaults.maxSubscriptionsPerClient(),
            defaults.maxPendingKeys(),
            defaults.maxLag(),
            defaults.writeTimeout(),
            defaults.maxControlMessages(),
            defaults.idleTimeout(),
            defaults.maxIncomingMessageBytes(),
            defaults.checkInterval(),
            defaults.closeGrace());
    try (WebSocketHub hub = new WebSocketHub(config)) {
      hub.register(StreamChannel.quotes(instrument -> true));
      HttpServer server =
          HttpServer.start(
              new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(1)), List.of(), hub);
      Process clients = null;
      try {
        clients = startClients(server.port(), samplesFile);
        awaitSubscribers(hub, clients);
        long cpuAtWarm = 0;
        for (int q = 0; q < WARMUP + QUOTES; q++) {
          if (q == WARMUP) {
            cpuAtWarm = processCpuNanos();
          }
          Thread.sleep(INTERVAL.toMillis());
          Map<String, Object> quote = new LinkedHashMap<>();
          quote.put("instrument", "NSE:INFY");
          quote.put("ltp", 1500 + q * 0.05);
          quote.put("bid", 1499.95 + q * 0.05);
          quote.put("ask", 1500.05 + q * 0.05);
          quote.put("volume", 1_000_000 + q);
          quote.put("seq", q);
          long sent = System.nanoTime();
          quote.put("sent", sent);
          hub.publish("quotes", "NSE:INFY", quote);
        }
        Thread.sleep(INTERVAL.toMillis());
        long serverCpu = processCpuNanos() - cpuAtWarm;
        if (!clients.waitFor(5, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the subscriber process did not finish");
        }
        report(results, hub.stats(), read(samplesFile), serverCpu);
      } finally {
        if (clients != null && clients.isAlive()) {
          clients.destroyForcibly();
        }
        server.close();
      }
    } finally {
      Files.deleteIfExists(samplesFile);
    }
  }

  private Process startClients(int port, Path samplesFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx1g",
            "-XX:+UseParallelGC",
            "-cp",
            System.getProperty("java.class.path"),
            FanOutClients.class.getName(),
            "127.0.0.1",
            String.valueOf(port),
            HttpServer.WEBSOCKET_PATH,
            String.valueOf(SUBSCRIBERS),
            String.valueOf(WARMUP),
            String.valueOf(WARMUP + QUOTES - 1),
            samplesFile.toString());
    Path log = Files.createTempFile("sharewise-fanout-clients", ".log");
    LOG.atInfo().addKeyValue("log", log).log("starting the subscriber process");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitSubscribers(WebSocketHub hub, Process clients)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (hub.stats().subscriptions() < SUBSCRIBERS) {
      if (!clients.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + hub.stats().subscriptions() + " of " + SUBSCRIBERS + " subscribed");
      }
      Thread.sleep(100);
    }
    LOG.atInfo().addKeyValue("subscribers", SUBSCRIBERS).log("all subscribed");
  }

  private static long[] read(Path file) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    long[] samples = new long[bytes.remaining() / Long.BYTES];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = bytes.getLong();
    }
    return samples;
  }

  /** CPU time this process has used, all threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void report(Results results, StreamHubStats stats, long[] pairs, long serverCpu) {
    List<Long> receipts = new ArrayList<>();
    long[] lastReceipt = new long[WARMUP + QUOTES];
    int[] receivers = new int[WARMUP + QUOTES];
    long clientCpu = 0;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i] < 0) {
        clientCpu = pairs[i + 1]; // the subscriber process's CPU time in the measured quotes
        continue;
      }
      int seq = (int) pairs[i];
      long nanos = pairs[i + 1];
      receivers[seq]++;
      lastReceipt[seq] = Math.max(lastReceipt[seq], nanos);
      if (seq >= WARMUP) {
        receipts.add(nanos);
      }
    }
    List<Long> lasts = new ArrayList<>();
    long received = 0;
    for (int q = WARMUP; q < WARMUP + QUOTES; q++) {
      lasts.add(lastReceipt[q]);
      received += receivers[q];
    }
    long expected = (long) SUBSCRIBERS * QUOTES;
    LOG.atInfo()
        .addKeyValue("received", received)
        .addKeyValue("expected", expected)
        .addKeyValue("conflated", stats.conflated())
        .addKeyValue("dropped", stats.droppedSlowClients())
        .log("fan-out done");
    results.add(
        "fanout.publishToReceipt",
        "one quote to "
            + SUBSCRIBERS
            + " WebSocket subscribers (2nd JVM, loopback): publish call to receipt, every"
            + " subscriber",
        Stats.ofNanos(receipts));
    results.add(
        "fanout.publishToLastReceipt",
        "one quote to " + SUBSCRIBERS + " subscribers: publish call to the last receipt",
        Stats.ofNanos(lasts));
    results.addValue(
        "fanout.serverCpuPerQuote",
        "CPU time of the hub's process per quote fanned out to " + SUBSCRIBERS + " subscribers",
        Math.round(serverCpu / (double) QUOTES / 10_000) / 100.0,
        "ms");
    results.addValue(
        "fanout.subscriberCpuPerQuote",
        "CPU time of the subscriber process per quote (" + SUBSCRIBERS + " receipts)",
        Math.round(clientCpu / (double) QUOTES / 10_000) / 100.0,
        "ms");
    results.addValue(
        "fanout.deliveredShare",
        "measured quotes received over quotes sent × subscribers (rest conflated)",
        Math.round(received * 10_000.0 / expected) / 100.0,
        "%");
  }
}

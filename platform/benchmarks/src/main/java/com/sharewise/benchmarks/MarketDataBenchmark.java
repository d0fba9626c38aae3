package com.sharewise.benchmarks;

import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Segment;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.TickListener;
import com.sharewise.api.market.Timeframe;
import com.sharewise.grid.Grid;
import com.sharewise.grid.GridConfig;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.indicators.internal.EmaIndicatorProvider;
import com.sharewise.indicators.internal.RsiIndicatorProvider;
import com.sharewise.indicators.internal.SmaIndicatorProvider;
import com.sharewise.marketdata.MarketData;
import com.sharewise.marketdata.MarketDataConfig;
import com.sharewise.marketdata.StreamPublisher;
import com.sharewise.marketdata.TradingCalendar;
import com.sharewise.marketdata.feed.SimulatorConfig;
import com.sharewise.marketdata.feed.SimulatorFeed;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market-data tick path at full speed: 100 instruments' simulated ticks (with five levels of
 * depth) pushed from one feed thread through the quote book (with its 20 ms conflated flushes to a
 * real Hazelcast map), bar aggregation on all seven timeframes (closed bars written to a real
 * embedded PostgreSQL) and three live indicators per instrument on 1-minute bars (SMA 50, EMA 20,
 * RSI 14, recomputed with the indicator engine on every bar close).
 *
 * <p>Ticks are generated beforehand by the simulator (10 per second per instrument in market time,
 * a busy NSE stock), so generation is not measured. Figures: ticks per second through the tick path
 * (one feed thread; then two feed threads with 50 instruments each), and the latency from the tick
 * that closes a bar to the moment every bar listener — store queue, live indicators, stream — has
 * handled it.
 */
final class MarketDataBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(MarketDataBenchmark.class);
  private static final int INSTRUMENTS = 100;
  private static final double TICKS_PER_SECOND = 10;
  private static final int WARMUP_TICKS = 600_000;
  private static final int MEASURED_TICKS = 2_000_000;

  @Override
  public String name() {
    return "marketdata";
  }

  @Override
  public void run(Results results) throws Exception {
    Path data = Files.createTempDirectory("sharewise-bench-marketdata");
    Map<InstrumentId, Instrument> universe = universe();
    List<Tick> warmup = generate(universe, "2025-01-06T09:15:00", WARMUP_TICKS);
    List<Tick> measured = generate(universe, "2025-01-07T09:15:00", MEASURED_TICKS);
    List<Tick> parallel = generate(universe, "2025-01-08T09:15:00", MEASURED_TICKS);
    Clock clock = Clock.fixed(Instant.parse("2025-01-08T10:00:00Z"), ZoneOffset.UTC);
    try (Store store = Store.open(StoreConfig.embedded(data));
        Grid grid = Grid.start(new GridConfig("bench-md", "127.0.0.1", freePort(), List.of()));
        MarketData marketData =
            MarketData.start(
                MarketDataConfig.defaults(TradingCalendar.nse()),
                store.dsl(),
                grid.hazelcast(),
                clock,
                StreamPublisher.NONE,
                new IndicatorEngine(new Providers()))) {
      for (InstrumentId id : universe.keySet()) {
        marketData.liveIndicators().subscribe(id, Timeframe.M1, "sma", Map.of("period", "50"));
        marketData.liveIndicators().subscribe(id, Timeframe.M1, "ema", Map.of("period", "20"));
        marketData.liveIndicators().subscribe(id, Timeframe.M1, "rsi", Map.of("period", "14"));
      }
      long[] latencies = new long[1_000_000];
      AtomicInteger samples = new AtomicInteger();
      TickListener ticks = marketData.ticks();

      feed(ticks, warmup);
      drain(marketData);
      marketData.onBarDispatched(
          nanos -> {
            int i = samples.getAndIncrement();
            if (i < latencies.length) {
              latencies[i] = nanos;
            }
          });

      long start = System.nanoTime();
      feed(ticks, measured);
      long fed = System.nanoTime() - start;
      drain(marketData);
      long drained = System.nanoTime() - start;
      double rate = MEASURED_TICKS / (fed / 1e9);
      double endToEnd = MEASURED_TICKS / (drained / 1e9);

      List<Long> sample = new ArrayList<>();
      for (int i = 0; i < Math.min(samples.get(), latencies.length); i++) {
        sample.add(latencies[i]);
      }
      marketData.onBarDispatched(nanos -> {});

      long parallelStart = System.nanoTime();
      feedFromTwoThreads(ticks, parallel);
      long parallelFed = System.nanoTime() - parallelStart;
      double parallelRate = MEASURED_TICKS / (parallelFed / 1e9);
      drain(marketData);

      LOG.atInfo()
          .addKeyValue("ticksPerSecond", Math.round(rate))
          .addKeyValue("endToEnd", Math.round(endToEnd))
          .addKeyValue("twoThreads", Math.round(parallelRate))
          .addKeyValue("barsClosed", sample.size())
          .addKeyValue("health", marketData.health().data())
          .log("market data benchmark");
      results.addValue(
          "marketdata.ticksPerSecond",
          "ticks through quote book + 7 bar timeframes + 3 live indicators, 100 instruments,"
              + " one feed thread",
          Math.round(rate),
          "ticks/s");
      results.addValue(
          "marketdata.ticksPerSecondDrained",
          "the same, until every closed bar's listeners and indicators were done",
          Math.round(endToEnd),
          "ticks/s");
      results.addValue(
          "marketdata.ticksPerSecondTwoFeeds",
          "the same with two feed threads of 50 instruments each",
          Math.round(parallelRate),
          "ticks/s");
      results.add(
          "marketdata.tickToBarClose",
          "tick closing a bar → bar queued for the store, 3 live indicators recomputed, listeners"
              + " done ("
              + sample.size()
              + " bars)",
          Stats.ofNanos(sample));
    }
  }

  private static void feed(TickListener ticks, List<Tick> list) {
    for (int i = 0, n = list.size(); i < n; i++) {
      ticks.onTick(list.get(i));
    }
  }

  private static void feedFromTwoThreads(TickListener ticks, List<Tick> list)
      throws InterruptedException {
    List<Tick> even = new ArrayList<>(list.size() / 2 + 1);
    List<Tick> odd = new ArrayList<>(list.size() / 2 + 1);
    for (Tick tick : list) {
      (Math.floorMod(tick.instrument().symbol().hashCode(), 2) == 0 ? even : odd).add(tick);
    }
    Thread other = new Thread(() -> feed(ticks, odd), "bench-feed-2");
    other.start();
    feed(ticks, even);
    other.join();
  }

  /** Waits until every closed bar was dispatched and written. */
  private static void drain(MarketData marketData) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      @SuppressWarnings("unchecked")
      Map<String, Object> bars = (Map<String, Object>) marketData.health().data().get("bars");
      if (((Number) bars.get("waitingForStore")).longValue() == 0
          && ((Number) bars.get("waitingForListeners")).longValue() == 0) {
        Thread.sleep(50); // the bar being dispatched right now
        return;
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("bars did not drain within two minutes");
  }

  private static Map<InstrumentId, Instrument> universe() {
    Map<InstrumentId, Instrument> universe = new HashMap<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      InstrumentId id = InstrumentId.parse(String.format("NSE:BENCH%03d", i));
      universe.put(id, new Instrument(id, "", "", Segment.EQUITY, new BigDecimal("0.05"), 1, ""));
    }
    return universe;
  }

  /** {@code count} simulated ticks from {@code startIst} on, all instruments interleaved. */
  private static List<Tick> generate(
      Map<InstrumentId, Instrument> universe, String startIst, int count) throws Exception {
    Instant start = LocalDateTime.parse(startIst).atZone(Ist.ZONE).toInstant();
    SimulatorFeed simulator =
        new SimulatorFeed(
            SimulatorConfig.manual(7, TICKS_PER_SECOND),
            id -> Optional.ofNullable(universe.get(id)),
            TradingCalendar.nse(),
            Clock.fixed(start, ZoneOffset.UTC));
    List<Tick> ticks = new ArrayList<>(count + INSTRUMENTS);
    simulator.start(ticks::add);
    simulator.subscribe(universe.keySet());
    Instant now = start;
    simulator.advanceTo(now);
    while (ticks.size() < count) {
      now = now.plusSeconds(1);
      simulator.advanceTo(now);
    }
    simulator.stop();
    return ticks.subList(0, count);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The indicator pack's SMA, EMA and RSI, as the plugin host would track them. */
  private static final class Providers implements PluginServices<IndicatorProvider> {
    private final List<PluginService<IndicatorProvider>> services =
        List.of(
            new PluginService<>("com.sharewise.indicators", "1", 1, new SmaIndicatorProvider()),
            new PluginService<>("com.sharewise.indicators", "1", 2, new EmaIndicatorProvider()),
            new PluginService<>("com.sharewise.indicators", "1", 3, new RsiIndicatorProvider()));

    @Override
    public Class<IndicatorProvider> type() {
      return IndicatorProvider.class;
    }

    @Override
    public List<PluginService<IndicatorProvider>> snapshot() {
      return services;
    }

    @Override
    public void addListener(PluginServiceListener<IndicatorProvider> listener) {
      services.forEach(listener::added);
    }

    @Override
    public void removeListener(PluginServiceListener<IndicatorProvider> listener) {}

    @Override
    public void close() {}
  }
}

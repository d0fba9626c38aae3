package com.sharewise.marketdata;

import com.hazelcast.core.HazelcastInstance;
import com.sharewise.api.market.TickListener;
import com.sharewise.api.market.Timeframe;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.marketdata.internal.BarDispatcher;
import com.sharewise.marketdata.internal.BarRepository;
import com.sharewise.marketdata.internal.BarWriter;
import com.sharewise.marketdata.internal.GridQuoteBook;
import com.sharewise.marketdata.internal.PreviousCloses;
import com.sharewise.marketdata.internal.QuoteListeners;
import com.sharewise.marketdata.internal.SafePublisher;
import com.sharewise.marketdata.internal.TickPipeline;
import com.sharewise.marketdata.rest.BarDto;
import com.sharewise.marketdata.rest.BarResource;
import com.sharewise.marketdata.rest.IndicatorResource;
import com.sharewise.marketdata.rest.InstrumentResource;
import com.sharewise.marketdata.rest.QuoteResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market-data area assembled: instrument master, tick path, quote book on the grid, bar
 * aggregation, bar storage and dispatch, feed manager and timers. The node (and the benchmarks)
 * build one with {@link #start} and close it on shutdown; everything else reaches the pieces
 * through the accessors.
 *
 * <pre>
 * feeds ─► FeedManager ─► TickPipeline (per-instrument lane: order check, latest, bars)
 *                              │ changed quotes               │ closed bars
 *                              ▼ every 20 ms                  ▼ queue
 *                     GridQuoteBook flusher          BarDispatcher thread
 *                     ├─► stream "quotes"            ├─► BarWriter (batched upserts)
 *                     └─► grid map setAll            ├─► live indicators
 *                                                    ├─► stream "bars"
 *                                                    └─► BarListeners (strategies)
 *        TickPipeline ─► QuoteListeners: newest tick per subscription, delivered on
 *                        listener threads (QuoteSource.subscribe: plugins, the paper broker)
 * </pre>
 */
public final class MarketData implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MarketData.class);

  private final MarketDataConfig config;
  private final Clock clock;
  private final IndicatorEngine engine;
  private final SafePublisher stream;
  private final InstrumentMaster instruments;
  private final TickPipeline pipeline;
  private final BarWriter writer;
  private final BarRepository bars;
  private final BarDispatcher dispatcher;
  private final PreviousCloses previousCloses;
  private final QuoteListeners quoteListeners;
  private final GridQuoteBook quotes;
  private final FeedManager feeds;
  private final LiveIndicators liveIndicators;
  private final ScheduledExecutorService timer;

  private MarketData(
      MarketDataConfig config,
      DSLContext dsl,
      HazelcastInstance hazelcast,
      Clock clock,
      StreamPublisher publisher,
      IndicatorEngine engine) {
    this.config = config;
    this.clock = clock;
    this.engine = engine;
    this.stream = new SafePublisher(publisher);
    this.instruments = InstrumentMaster.load(dsl, clock);
    this.writer = new BarWriter(dsl, config.barWriteInterval(), config.barQueueCapacity());
    this.bars = new BarRepository(dsl, writer, instruments);
    this.dispatcher = new BarDispatcher(config.barQueueCapacity());
    this.previousCloses = new PreviousCloses(bars);
    dispatcher.subscribe(writer::enqueue);
    dispatcher.subscribe(previousCloses::onBar);
    this.liveIndicators =
        engine == null ? null : new LiveIndicators(engine, bars, config.liveIndicatorWindow());
    if (liveIndicators != null) {
      dispatcher.subscribe(liveIndicators);
    }
    dispatcher.subscribe(
        bar ->
            stream.publish(
                StreamPublisher.BARS,
                StreamPublisher.barKey(bar.instrument().toString(), bar.timeframe().label()),
                BarDto.of(bar)));
    this.quoteListeners = QuoteListeners.start(QuoteListeners.defaultThreads());
    this.pipeline =
        new TickPipeline(
            config.calendar(),
            Arrays.asList(Timeframe.values()),
            dispatcher,
            config.barCloseGrace().toMillis(),
            quoteListeners);
    this.quotes =
        new GridQuoteBook(
            pipeline,
            hazelcast.getMap(QuoteBook.MAP_NAME),
            stream,
            previousCloses,
            quoteListeners,
            config.quoteFlushInterval());
    this.feeds = new FeedManager(pipeline, config.calendar(), clock, config.feedSilence());
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "marketdata-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(
        () -> guarded("closing due bars", () -> pipeline.closeDue(clock.millis())),
        100,
        100,
        TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(
        () -> guarded("watching feeds", feeds::checkSilence), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Loads the instrument master (seeding it on first start) and starts the threads. No feed runs
   * yet: start them with {@link #feeds()}.
   *
   * @param publisher where quotes and closed bars are streamed ({@link StreamPublisher#NONE} for
   *     none)
   * @param engine computes live indicators; null for none
   */
  public static MarketData start(
      MarketDataConfig config,
      DSLContext dsl,
      HazelcastInstance hazelcast,
      Clock clock,
      StreamPublisher publisher,
      IndicatorEngine engine) {
    MarketData marketData = new MarketData(config, dsl, hazelcast, clock, publisher, engine);
    LOG.atInfo()
        .addKeyValue("instruments", marketData.instruments.size())
        .addKeyValue("calendar", config.calendar())
        .log("market data started");
    return marketData;
  }

  private static void guarded(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("market-data timer failed " + what);
    }
  }

  public MarketDataConfig config() {
    return config;
  }

  public InstrumentMaster instruments() {
    return instruments;
  }

  /** The quote book (also the SPI's {@code QuoteSource}). */
  public QuoteBook quotes() {
    return quotes;
  }

  /** Stored bars. */
  public BarHistory bars() {
    return bars;
  }

  /** CSV imports of bar history. */
  public BarImporter barImporter() {
    return bars;
  }

  /** Closed-bar notifications. */
  public BarEvents barEvents() {
    return dispatcher;
  }

  /**
   * Indicators recomputed on every closed bar.
   *
   * @throws IllegalStateException when started without an indicator engine
   */
  public LiveIndicators liveIndicators() {
    if (liveIndicators == null) {
      throw new IllegalStateException("market data was started without an indicator engine");
    }
    return liveIndicators;
  }

  /** Starts and watches feeds. */
  public FeedManager feeds() {
    return feeds;
  }

  /** The tick path itself, for feeds not run by the {@link FeedManager} (benchmarks, tests). */
  public TickListener ticks() {
    return pipeline;
  }

  /**
   * Receives, for every closed bar, the nanoseconds from the tick that closed it to the moment
   * every bar listener (live indicators included) had handled it.
   */
  public void onBarDispatched(LongConsumer latencyNanos) {
    dispatcher.onDispatched(latencyNanos);
  }

  /**
   * The REST resources: {@code /instruments}, {@code /quotes}, {@code /bars} and, with an indicator
   * engine, {@code /indicators}.
   */
  public List<Object> resources() {
    List<Object> resources = new ArrayList<>();
    resources.add(new InstrumentResource(instruments));
    resources.add(new QuoteResource(quotes, instruments));
    resources.add(new BarResource(bars, bars, instruments, clock));
    if (engine != null) {
      resources.add(new IndicatorResource(engine, bars, instruments, clock));
    }
    return resources;
  }

  /** Writes changed quotes to the grid now instead of at the next flush. */
  public void flushQuotes() {
    quotes.flush();
  }

  /**
   * The area's health: DOWN when a feed is disconnected or silent during the session (naming it),
   * with the tick-path counters as data.
   */
  public MarketDataHealth health() {
    List<FeedStatus> statuses = feeds.statuses();
    List<String> down = new ArrayList<>();
    Map<String, Object> feedData = new LinkedHashMap<>();
    for (FeedStatus feed : statuses) {
      if (!feed.up()) {
        down.add(
            "feed '"
                + feed.name()
                + "' is "
                + (feed.connected() ? "silent" : "disconnected")
                + (feed.detail().isEmpty() ? "" : ": " + feed.detail()));
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("status", feed.up() ? "UP" : "DOWN");
      one.put("instruments", feed.instruments().size());
      one.put("ticks", feed.ticks());
      if (feed.lastTickAt() != null) {
        one.put("lastTickAt", feed.lastTickAt().toString());
      }
      if (!feed.detail().isEmpty()) {
        one.put("detail", feed.detail());
      }
      feedData.put(feed.name(), one);
    }
    QuoteStats stats = quotes.stats();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("feeds", feedData);
    data.put("instruments", instruments.size());
    data.put(
        "ticks",
        Map.of(
            "accepted", stats.accepted(),
            "droppedOutOfOrder", stats.droppedOutOfOrder(),
            "outsideSession", stats.outsideSession(),
            "lateForBar", stats.lateForBar()));
    data.put(
        "grid",
        Map.of(
            "flushes", stats.gridFlushes(),
            "quotesWritten", stats.gridEntriesWritten(),
            "flushFailures", stats.gridFlushFailures()));
    Map<String, Object> barData = new LinkedHashMap<>();
    barData.put("closed", dispatcher.dispatched());
    barData.put("waitingForListeners", dispatcher.backlog());
    barData.put("droppedListenersBehind", dispatcher.dropped());
    barData.put("listenerErrors", dispatcher.listenerErrors());
    barData.put("stored", writer.written());
    barData.put("waitingForStore", writer.backlog());
    barData.put("storeFailures", writer.failures());
    barData.put("droppedUnstored", writer.droppedUnwritten());
    data.put("streamPublishFailures", stream.failures());
    data.put(
        "quoteListeners",
        Map.of(
            "subscriptions", quoteListeners.subscriptions(),
            "delivered", quoteListeners.delivered(),
            "failures", quoteListeners.failures()));
    if (writer.lastError() != null) {
      barData.put("lastStoreError", writer.lastError());
    }
    data.put("bars", barData);
    String detail =
        down.isEmpty()
            ? statuses.size() + " feed(s) up, " + stats.instruments() + " instrument(s) quoted"
            : String.join("; ", down);
    return new MarketDataHealth(down.isEmpty(), detail, data);
  }

  /**
   * Stops feeds, then timers, then writes what is pending (quotes to the grid, bars to the store).
   */
  @Override
  public void close() {
    feeds.close();
    timer.shutdownNow();
    quotes.close();
    dispatcher.close();
    writer.close();
    previousCloses.close();
  }
}

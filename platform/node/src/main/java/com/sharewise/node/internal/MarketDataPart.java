package com.sharewise.node.internal;

import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.FeedException;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Timeframe;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.marketdata.BarEvents;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.BarImporter;
import com.sharewise.marketdata.FeedManager;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.marketdata.LiveIndicators;
import com.sharewise.marketdata.MarketData;
import com.sharewise.marketdata.MarketDataConfig;
import com.sharewise.marketdata.MarketDataHealth;
import com.sharewise.marketdata.QuoteBook;
import com.sharewise.marketdata.QuoteStats;
import com.sharewise.marketdata.StreamPublisher;
import com.sharewise.marketdata.TradingCalendar;
import com.sharewise.marketdata.feed.ReplayFeed;
import com.sharewise.marketdata.feed.SimulatorConfig;
import com.sharewise.marketdata.feed.SimulatorFeed;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.StreamHub;
import com.sharewise.server.ws.WebSocketHub;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the market-data area: instrument master, quote book on the grid, bar aggregation and
 * storage, live indicators, the REST resources under {@code /instruments}, {@code /quotes}, {@code
 * /bars} and {@code /indicators}, streaming to the WebSocket hub, and the built-in feeds (the
 * simulator by default, a replay of stored bars on request). Publishes {@link MarketData}, {@link
 * InstrumentMaster}, {@link QuoteBook} (also as the SPI's {@link QuoteSource}), {@link BarHistory},
 * {@link BarEvents}, {@link FeedManager}, {@link LiveIndicators} and the {@link IndicatorEngine}
 * for later areas (orders, strategies, backtests). Broker plugins' live feeds are started through
 * the {@link FeedManager} by the area that creates broker adapters.
 */
public final class MarketDataPart implements NodePart {

  private static final Logger LOG = LoggerFactory.getLogger(MarketDataPart.class);

  public static final Setting SIMULATOR_ENABLED =
      new Setting(
          "marketdata.simulator.enabled",
          "SHAREWISE_MARKETDATA_SIMULATOR_ENABLED",
          "true",
          false,
          "run the built-in market simulator (a feed that needs no broker account)");
  public static final Setting SIMULATOR_TICKS_PER_SECOND =
      new Setting(
          "marketdata.simulator.ticksPerSecond",
          "SHAREWISE_MARKETDATA_SIMULATOR_TICKS_PER_SECOND",
          "4",
          false,
          "simulated ticks per second per instrument (0.01-1000)");
  public static final Setting SIMULATOR_ALWAYS_OPEN =
      new Setting(
          "marketdata.simulator.alwaysOpen",
          "SHAREWISE_MARKETDATA_SIMULATOR_ALWAYS_OPEN",
          "false",
          false,
          "trade around the clock for demos: the simulator ticks and bars form outside 09:15-15:30"
              + " IST too (24 h sessions from 09:15 IST)");
  public static final Setting SIMULATOR_SEED =
      new Setting(
          "marketdata.simulator.seed",
          "SHAREWISE_MARKETDATA_SIMULATOR_SEED",
          "42",
          false,
          "random seed: the same seed and clock give the same prices");
  public static final Setting SIMULATOR_INSTRUMENTS =
      new Setting(
          "marketdata.simulator.instruments",
          "SHAREWISE_MARKETDATA_SIMULATOR_INSTRUMENTS",
          "",
          false,
          "comma-separated EXCHANGE:SYMBOL to simulate (each must be in the instrument master);"
              + " unset = the seeded NSE universe");
  public static final Setting HOLIDAYS =
      new Setting(
          "marketdata.holidays",
          "SHAREWISE_MARKETDATA_HOLIDAYS",
          "",
          false,
          "comma-separated exchange holidays (YYYY-MM-DD) on which the NSE session does not open");
  public static final Setting FEED_SILENCE =
      new Setting(
          "marketdata.feedSilenceSeconds",
          "SHAREWISE_MARKETDATA_FEED_SILENCE_SECONDS",
          "30",
          false,
          "a feed without a tick for this long during the session is reported DOWN in health");
  public static final Setting QUOTE_FLUSH =
      new Setting(
          "marketdata.quotes.flushMillis",
          "SHAREWISE_MARKETDATA_QUOTES_FLUSH_MILLIS",
          "20",
          false,
          "how often changed quotes are written to the grid and streamed (1-1000 ms)");
  public static final Setting BAR_CLOSE_GRACE =
      new Setting(
          "marketdata.bars.closeGraceMillis",
          "SHAREWISE_MARKETDATA_BARS_CLOSE_GRACE_MILLIS",
          "1000",
          false,
          "how long after its end a bar waits for a late tick before the timer closes it");
  public static final Setting BAR_WRITE_INTERVAL =
      new Setting(
          "marketdata.bars.writeIntervalMillis",
          "SHAREWISE_MARKETDATA_BARS_WRITE_INTERVAL_MILLIS",
          "250",
          false,
          "how often closed bars are written to the database in one batch");
  public static final Setting LIVE_WINDOW =
      new Setting(
          "marketdata.indicators.liveWindow",
          "SHAREWISE_MARKETDATA_INDICATORS_LIVE_WINDOW",
          "300",
          false,
          "bars a live indicator is recomputed over on each bar close (10-10000)");
  public static final Setting REPLAY_ENABLED =
      new Setting(
          "marketdata.replay.enabled",
          "SHAREWISE_MARKETDATA_REPLAY_ENABLED",
          "false",
          false,
          "replay stored bars through the live path at start-up");
  public static final Setting REPLAY_INSTRUMENTS =
      new Setting(
          "marketdata.replay.instruments",
          "SHAREWISE_MARKETDATA_REPLAY_INSTRUMENTS",
          "",
          false,
          "comma-separated EXCHANGE:SYMBOL to replay (keep them out of the simulator's list)");
  public static final Setting REPLAY_TIMEFRAME =
      new Setting(
          "marketdata.replay.timeframe",
          "SHAREWISE_MARKETDATA_REPLAY_TIMEFRAME",
          "1m",
          false,
          "which stored bars to replay");
  public static final Setting REPLAY_FROM =
      new Setting(
          "marketdata.replay.from",
          "SHAREWISE_MARKETDATA_REPLAY_FROM",
          "",
          false,
          "replay bars from this date or time (IST, or ISO-8601 with offset)");
  public static final Setting REPLAY_TO =
      new Setting(
          "marketdata.replay.to",
          "SHAREWISE_MARKETDATA_REPLAY_TO",
          "",
          false,
          "…up to this date or time, exclusive (unset = now)");
  public static final Setting REPLAY_SPEED =
      new Setting(
          "marketdata.replay.speed",
          "SHAREWISE_MARKETDATA_REPLAY_SPEED",
          "60",
          false,
          "market time per wall time (60 = an hour a minute); gaps over a second are cut short");

  /** This area's settings, in documentation order. */
  public static final List<Setting> SETTINGS =
      List.of(
          SIMULATOR_ENABLED,
          SIMULATOR_TICKS_PER_SECOND,
          SIMULATOR_ALWAYS_OPEN,
          SIMULATOR_SEED,
          SIMULATOR_INSTRUMENTS,
          HOLIDAYS,
          FEED_SILENCE,
          QUOTE_FLUSH,
          BAR_CLOSE_GRACE,
          BAR_WRITE_INTERVAL,
          LIVE_WINDOW,
          REPLAY_ENABLED,
          REPLAY_INSTRUMENTS,
          REPLAY_TIMEFRAME,
          REPLAY_FROM,
          REPLAY_TO,
          REPLAY_SPEED);

  private final MarketData marketData;
  private final PluginServices<IndicatorProvider> providers;

  private MarketDataPart(MarketData marketData, PluginServices<IndicatorProvider> providers) {
    this.marketData = marketData;
    this.providers = providers;
  }

  /** Starts the area; a bad setting fails with every market-data problem listed. */
  public static NodePart start(NodeContext context) {
    Settings settings = Settings.read(context.config().settings());
    PluginServices<IndicatorProvider> providers = context.plugins().track(IndicatorProvider.class);
    IndicatorEngine engine = new IndicatorEngine(providers);
    // the channels check subscriptions against the instrument master, which start loads; nobody
    // can subscribe before then (HTTP starts after every part)
    AtomicReference<InstrumentMaster> master = new AtomicReference<>();
    registerChannels(
        context,
        id -> {
          InstrumentMaster loaded = master.get();
          return loaded != null && loaded.contains(id);
        });
    MarketData marketData =
        MarketData.start(
            settings.config,
            context.store().dsl(),
            context.grid().hazelcast(),
            context.clock(),
            publisher(context),
            engine);
    master.set(marketData.instruments());
    try {
      settings.checkInstruments(marketData.instruments());
      context.publish(MarketData.class, marketData);
      context.publish(InstrumentMaster.class, marketData.instruments());
      context.publish(QuoteBook.class, marketData.quotes());
      context.publish(QuoteSource.class, marketData.quotes());
      context.publish(BarHistory.class, marketData.bars());
      context.publish(BarImporter.class, marketData.barImporter());
      context.publish(BarEvents.class, marketData.barEvents());
      context.publish(FeedManager.class, marketData.feeds());
      context.publish(LiveIndicators.class, marketData.liveIndicators());
      context.publish(IndicatorEngine.class, engine);
      meters(context, marketData);
      startFeeds(settings, marketData, context);
    } catch (RuntimeException | FeedException e) {
      marketData.close();
      providers.close();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("cannot start a market-data feed: " + e.getMessage(), e);
    }
    return new MarketDataPart(marketData, providers);
  }

  private static void startFeeds(Settings settings, MarketData marketData, NodeContext context)
      throws FeedException {
    if (settings.simulatorEnabled) {
      // the default universe leaves replayed instruments to the replay
      List<InstrumentId> instruments =
          settings.simulatorInstruments.isEmpty()
              ? InstrumentMaster.seed().stream()
                  .map(i -> i.id())
                  .filter(id -> !settings.replayInstruments.contains(id))
                  .toList()
              : settings.simulatorInstruments;
      marketData
          .feeds()
          .start(
              new SimulatorFeed(
                  SimulatorConfig.of(settings.seed, settings.ticksPerSecond),
                  marketData.instruments()::find,
                  settings.config.calendar(),
                  context.clock()),
              instruments);
    }
    if (settings.replayEnabled) {
      Instant to = settings.replayTo == null ? context.clock().instant() : settings.replayTo;
      ReplayFeed replay =
          ReplayFeed.ofBars(
              marketData.bars(),
              settings.replayTimeframe,
              settings.replayFrom,
              to,
              settings.replaySpeed,
              Duration.ofSeconds(1));
      FeedManager feeds = marketData.feeds();
      // a finished replay is stopped (from another thread: stopping joins the replay thread)
      replay.onFinished(() -> Thread.ofVirtual().start(() -> feeds.stop(replay.name())));
      feeds.start(replay, settings.replayInstruments);
    }
  }

  /** The quote and bar channels, for the instruments {@code known} says exist. */
  private static void registerChannels(NodeContext context, Predicate<InstrumentId> known) {
    WebSocketHub hub;
    try {
      hub = context.require(WebSocketHub.class);
    } catch (IllegalStateException e) {
      return; // no hub in this node: publisher() says so
    }
    hub.register(StreamChannel.quotes(known));
    hub.register(StreamChannel.bars(known));
  }

  /** The WebSocket hub as the market data's stream publisher, or none when no hub runs. */
  private static StreamPublisher publisher(NodeContext context) {
    StreamHub hub;
    try {
      hub = context.require(StreamHub.class);
    } catch (IllegalStateException e) {
      LOG.atWarn().log("no WebSocket hub in this node; quotes and bars are not streamed");
      return StreamPublisher.NONE;
    }
    return new StreamPublisher() {
      @Override
      public void publish(String channel, String key, Object payload) {
        hub.publish(channel, key, payload);
      }

      @Override
      public boolean hasSubscribers(String channel, String key) {
        return hub.hasSubscribers(channel, key);
      }
    };
  }

  /** Tick and bar counters as meters, when the node has a registry. */
  private static void meters(NodeContext context, MarketData marketData) {
    MeterRegistry registry;
    try {
      registry = context.require(MeterRegistry.class);
    } catch (IllegalStateException e) {
      return;
    }
    QuoteBook quotes = marketData.quotes();
    counter(registry, quotes, "accepted", QuoteStats::accepted);
    counter(registry, quotes, "dropped_out_of_order", QuoteStats::droppedOutOfOrder);
    counter(registry, quotes, "outside_session", QuoteStats::outsideSession);
    counter(registry, quotes, "late_for_bar", QuoteStats::lateForBar);
    Gauge.builder("sharewise.marketdata.instruments", quotes, q -> q.stats().instruments())
        .description("instruments with a tick on this node")
        .register(registry);
    Supplier<java.util.Map<String, Object>> bars =
        () -> castMap(marketData.health().data().get("bars"));
    FunctionCounter.builder(
            "sharewise.marketdata.bars.closed", bars, b -> number(b.get().get("closed")))
        .description("bars closed by the aggregator")
        .register(registry);
    Gauge.builder(
            "sharewise.marketdata.bars.waiting", bars, b -> number(b.get().get("waitingForStore")))
        .description("closed bars not yet written to the database")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry, QuoteBook quotes, String result, ToDoubleFunction<QuoteStats> value) {
    FunctionCounter.builder(
            "sharewise.marketdata.ticks", quotes, q -> value.applyAsDouble(q.stats()))
        .tag("result", result)
        .description("ticks through this node's quote book, by outcome")
        .register(registry);
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> castMap(Object value) {
    return value instanceof java.util.Map<?, ?> map
        ? (java.util.Map<String, Object>) map
        : java.util.Map.of();
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  @Override
  public String name() {
    return "market data";
  }

  @Override
  public List<Object> apiComponents() {
    return marketData.resources();
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        HealthCheck.of(
            "marketData",
            () -> {
              MarketDataHealth health = marketData.health();
              return new HealthCheck.Result(health.up(), health.detail(), health.data());
            }));
  }

  @Override
  public void close() {
    marketData.close();
    providers.close();
  }

  /** The area's settings, read and checked all at once. */
  private static final class Settings {
    final List<String> problems = new ArrayList<>();
    MarketDataConfig config;
    boolean simulatorEnabled;
    double ticksPerSecond;
    long seed;
    List<InstrumentId> simulatorInstruments = List.of();
    boolean replayEnabled;
    List<InstrumentId> replayInstruments = List.of();
    Timeframe replayTimeframe = Timeframe.M1;
    Instant replayFrom;
    Instant replayTo;
    double replaySpeed;
    private ResolvedSettings values;

    static Settings read(ResolvedSettings values) {
      Settings s = new Settings();
      s.values = values;
      s.simulatorEnabled = s.get(() -> values.bool(SIMULATOR_ENABLED), true);
      s.ticksPerSecond = s.get(() -> values.decimal(SIMULATOR_TICKS_PER_SECOND, 0.01, 1000), 4.0);
      boolean alwaysOpen = s.get(() -> values.bool(SIMULATOR_ALWAYS_OPEN), false);
      s.seed =
          s.get(
              () -> Long.parseLong(values.text(SIMULATOR_SEED)),
              42L,
              SIMULATOR_SEED,
              "must be a whole number");
      s.simulatorInstruments = s.instruments(SIMULATOR_INSTRUMENTS);
      Set<LocalDate> holidays = new TreeSet<>();
      for (String date : values.list(HOLIDAYS)) {
        try {
          holidays.add(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
          s.problems.add(HOLIDAYS.key() + " lists '" + date + "', which is not a YYYY-MM-DD date");
        }
      }
      int silence = s.get(() -> values.integer(FEED_SILENCE, 1, 86_400), 30);
      int flush = s.get(() -> values.integer(QUOTE_FLUSH, 1, 1000), 20);
      int grace = s.get(() -> values.integer(BAR_CLOSE_GRACE, 0, 60_000), 1000);
      int write = s.get(() -> values.integer(BAR_WRITE_INTERVAL, 10, 60_000), 250);
      int window = s.get(() -> values.integer(LIVE_WINDOW, 10, 10_000), 300);
      s.replayEnabled = s.get(() -> values.bool(REPLAY_ENABLED), false);
      if (s.replayEnabled) {
        s.replayInstruments = s.instruments(REPLAY_INSTRUMENTS);
        if (s.replayInstruments.isEmpty()) {
          s.problems.add(REPLAY_INSTRUMENTS.key() + " must name the instruments to replay");
        }
        s.replayTimeframe =
            s.get(
                () -> Timeframe.parse(values.text(REPLAY_TIMEFRAME)),
                Timeframe.M1,
                REPLAY_TIMEFRAME,
                "must be one of " + Timeframe.validLabels());
        s.replayFrom = s.time(REPLAY_FROM);
        s.replayTo = s.time(REPLAY_TO);
        if (s.replayFrom == null) {
          s.problems.add(REPLAY_FROM.key() + " must say where the replay starts");
        }
        s.replaySpeed = s.get(() -> values.decimal(REPLAY_SPEED, 0.01, 1_000_000), 60.0);
      }
      if (!s.problems.isEmpty()) {
        throw new ConfigException(s.problems);
      }
      TradingCalendar calendar =
          alwaysOpen ? TradingCalendar.alwaysOpen() : TradingCalendar.nse(holidays);
      s.config =
          new MarketDataConfig(
              calendar,
              Duration.ofMillis(flush),
              Duration.ofSeconds(silence),
              Duration.ofMillis(grace),
              Duration.ofMillis(write),
              200_000,
              window);
      return s;
    }

    /** Every instrument the feeds need must be in the master (seeded or imported). */
    void checkInstruments(InstrumentMaster master) {
      List<String> unknown = new ArrayList<>();
      for (InstrumentId id : simulatorEnabled ? simulatorInstruments : List.<InstrumentId>of()) {
        if (!master.contains(id)) {
          unknown.add(
              SIMULATOR_INSTRUMENTS.key()
                  + " names "
                  + id
                  + ", which the instrument master does not know");
        }
      }
      for (InstrumentId id : replayEnabled ? replayInstruments : List.<InstrumentId>of()) {
        if (!master.contains(id)) {
          unknown.add(
              REPLAY_INSTRUMENTS.key()
                  + " names "
                  + id
                  + ", which the instrument master does not know");
        }
      }
      if (!unknown.isEmpty()) {
        throw new ConfigException(unknown);
      }
    }

    private List<InstrumentId> instruments(Setting setting) {
      List<InstrumentId> ids = new ArrayList<>();
      for (String text : values.list(setting)) {
        try {
          ids.add(InstrumentId.parse(text));
        } catch (IllegalArgumentException e) {
          problems.add(setting.key() + ": " + e.getMessage());
        }
      }
      return ids;
    }

    private Instant time(Setting setting) {
      String text = values.text(setting);
      if (text.isEmpty()) {
        return null;
      }
      try {
        if (text.length() == 10) {
          return LocalDate.parse(text).atStartOfDay(Ist.ZONE).toInstant();
        }
        if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
          return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        }
        return LocalDateTime.parse(text.replace(' ', 'T')).atZone(Ist.ZONE).toInstant();
      } catch (DateTimeParseException e) {
        problems.add(
            setting.key()
                + " must be a date (2025-01-06) or a time (2025-01-06 09:15:00 IST, or ISO-8601"
                + " with offset), got '"
                + text
                + "'");
        return null;
      }
    }

    private <T> T get(Supplier<T> read, T fallback) {
      try {
        return read.get();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        return fallback;
      }
    }

    private <T> T get(Supplier<T> read, T fallback, Setting setting, String rule) {
      try {
        return read.get();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        return fallback;
      } catch (RuntimeException e) {
        problems.add(setting.key() + " " + rule + ", got '" + values.text(setting) + "'");
        return fallback;
      }
    }
  }
}

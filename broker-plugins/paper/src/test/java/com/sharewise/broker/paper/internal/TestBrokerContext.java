package com.sharewise.broker.paper.internal;

import com.sharewise.api.broker.BrokerCallback;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Segment;
import com.sharewise.api.market.Tick;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderUpdate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the platform hands a broker adapter, for tests: settings, a clock the test moves, a quote
 * book the test fills (and pushes ticks from, synchronously, to the adapter's subscriptions), an
 * instrument master the test fills, a callback that records what it is told, and a state directory.
 */
final class TestBrokerContext implements BrokerContext {

  static final AccountRef ACCOUNT = new AccountRef("paper-1");

  /** 09:30 IST on Monday 6 January 2025. */
  final ManualClock clock = new ManualClock(Instant.parse("2025-01-06T04:00:00Z"));

  final Quotes quotes = new Quotes(clock);
  final RecordingCallback callback = new RecordingCallback();
  final Map<InstrumentId, Instrument> instruments = new ConcurrentHashMap<>();
  private final Parameters settings;
  private final Path stateDirectory;

  TestBrokerContext(Path stateDirectory, Map<String, String> settings) {
    this.stateDirectory = stateDirectory;
    this.settings = Parameters.resolve(new PaperBrokerFactory().descriptor().settings(), settings);
  }

  TestBrokerContext(Path stateDirectory) {
    this(stateDirectory, Map.of());
  }

  /** Adds {@code id} to the instrument master with its tick and lot size. */
  void instrument(String id, String tickSize, int lotSize) {
    InstrumentId instrument = InstrumentId.parse(id);
    instruments.put(
        instrument,
        new Instrument(
            instrument,
            "",
            instrument.symbol(),
            lotSize == 1 ? Segment.EQUITY : Segment.FUTURES,
            new BigDecimal(tickSize),
            lotSize,
            ""));
  }

  @Override
  public AccountRef account() {
    return ACCOUNT;
  }

  @Override
  public Optional<Instrument> instrument(InstrumentId instrument) {
    return Optional.ofNullable(instruments.get(instrument));
  }

  @Override
  public Parameters settings() {
    return settings;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public QuoteSource quotes() {
    return quotes;
  }

  @Override
  public BrokerCallback callback() {
    return callback;
  }

  @Override
  public Path stateDirectory() {
    return stateDirectory;
  }

  /**
   * The latest tick per instrument, as the test sets it, and the adapter's subscriptions. {@link
   * #push} delivers a tick to the subscribers on the test's own thread before it returns, so a test
   * sees what the tick did right after pushing it (the platform delivers on its listener threads).
   */
  static final class Quotes implements QuoteSource {
    private final Clock clock;
    private final Map<InstrumentId, Tick> latest = new ConcurrentHashMap<>();
    private final Map<InstrumentId, List<Consumer<Tick>>> listeners = new ConcurrentHashMap<>();

    Quotes(Clock clock) {
      this.clock = clock;
    }

    /** Sets the latest quote, stamped now, with 1,000 traded today and no depth; pushes nothing. */
    void quote(String instrument, double bid, double ask, double last) {
      set(tick(instrument, bid, ask, last, 1_000));
    }

    /** Sets the latest quote without telling subscribers (the state before a test begins). */
    void set(Tick tick) {
      latest.put(tick.instrument(), tick);
    }

    /** Sets the latest quote and hands it to every subscriber of its instrument. */
    void push(Tick tick) {
      set(tick);
      for (Consumer<Tick> listener :
          List.copyOf(listeners.getOrDefault(tick.instrument(), List.of()))) {
        listener.accept(tick);
      }
    }

    /** A tick stamped now without depth. */
    Tick tick(String instrument, double bid, double ask, double last, long volume) {
      return tick(instrument, clock.instant(), bid, ask, last, volume, MarketDepth.EMPTY);
    }

    static Tick tick(
        String instrument,
        Instant time,
        double bid,
        double ask,
        double last,
        long volume,
        MarketDepth depth) {
      return new Tick(InstrumentId.parse(instrument), time, last, 1, volume, bid, ask, depth);
    }

    /** Visible asks, best first, from price/quantity pairs. */
    static MarketDepth asks(double... priceQuantityPairs) {
      return new MarketDepth(List.of(), levels(priceQuantityPairs));
    }

    /** Visible bids, best first, from price/quantity pairs. */
    static MarketDepth bids(double... priceQuantityPairs) {
      return new MarketDepth(levels(priceQuantityPairs), List.of());
    }

    private static List<DepthLevel> levels(double... pairs) {
      List<DepthLevel> levels = new ArrayList<>();
      for (int i = 0; i < pairs.length; i += 2) {
        levels.add(new DepthLevel(pairs[i], (long) pairs[i + 1], 1));
      }
      return levels;
    }

    /** How many open subscriptions {@code instrument} has. */
    int subscribers(String instrument) {
      return listeners.getOrDefault(InstrumentId.parse(instrument), List.of()).size();
    }

    @Override
    public Optional<Tick> latest(InstrumentId instrument) {
      return Optional.ofNullable(latest.get(instrument));
    }

    @Override
    public Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
      // a wrapper per subscription, so closing removes this one even if the same listener is
      // subscribed twice
      Consumer<Tick> own = listener::accept;
      listeners.computeIfAbsent(instrument, i -> new CopyOnWriteArrayList<>()).add(own);
      return () -> listeners.get(instrument).remove(own);
    }
  }

  /** Records every callback, thread-safely. */
  static final class RecordingCallback implements BrokerCallback {
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<OrderUpdate> updates = new CopyOnWriteArrayList<>();
    final List<Boolean> connections = new CopyOnWriteArrayList<>();

    @Override
    public void orderUpdated(OrderUpdate update) {
      updates.add(update);
    }

    @Override
    public void filled(Fill fill) {
      fills.add(fill);
    }

    @Override
    public void connectionChanged(boolean connected, String detail) {
      connections.add(connected);
    }
  }
}

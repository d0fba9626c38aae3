package com.sharewise.broker.paper.internal;

import com.sharewise.api.broker.BrokerCallback;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the platform hands a broker adapter, for tests: settings, a clock the test moves, a quote
 * book the test fills, a callback that records what it is told, and a state directory.
 */
final class TestBrokerContext implements BrokerContext {

  static final AccountRef ACCOUNT = new AccountRef("paper-1");

  final TestClock clock = new TestClock(Instant.parse("2025-01-06T04:00:00Z"));
  final Quotes quotes = new Quotes();
  final RecordingCallback callback = new RecordingCallback();
  private final Parameters settings;
  private final Path stateDirectory;

  TestBrokerContext(Path stateDirectory, Map<String, String> settings) {
    this.stateDirectory = stateDirectory;
    this.settings = Parameters.resolve(new PaperBrokerFactory().descriptor().settings(), settings);
  }

  TestBrokerContext(Path stateDirectory) {
    this(stateDirectory, Map.of());
  }

  @Override
  public AccountRef account() {
    return ACCOUNT;
  }

  @Override
  public Optional<com.sharewise.api.market.Instrument> instrument(
      com.sharewise.api.market.InstrumentId instrument) {
    return Optional.empty();
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

  /** A clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      // A snapshot in the other zone: the adapter only ever reads instants.
      return Clock.fixed(now, zone);
    }
  }

  /** The latest tick per instrument, as the test sets it. */
  static final class Quotes implements QuoteSource {
    private final Map<InstrumentId, Tick> latest = new ConcurrentHashMap<>();

    void quote(String instrument, double bid, double ask, double last) {
      InstrumentId id = InstrumentId.parse(instrument);
      latest.put(id, new Tick(id, Instant.EPOCH, last, 1, 1000, bid, ask, MarketDepth.EMPTY));
    }

    @Override
    public Optional<Tick> latest(InstrumentId instrument) {
      return Optional.ofNullable(latest.get(instrument));
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

package com.sharewise.marketdata;

import com.sharewise.api.market.FeedException;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDataFeed;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.TickListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops {@link MarketDataFeed}s (the built-in simulator and replay now, broker plugins'
 * live feeds later) and watches them: ticks delivered, connection state, and silence — a feed that
 * delivers nothing for longer than the allowed gap while the market is open is reported DOWN in
 * health, by name.
 *
 * <p>Each feed gets its own {@link TickListener} that counts its ticks and passes them on to the
 * node's tick path. Thread-safe; {@link #checkSilence} is called by the market-data timer.
 */
public final class FeedManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedManager.class);

  private final TickListener sink;
  private final TradingCalendar calendar;
  private final Clock clock;
  private final Duration silence;
  private final Map<String, Channel> feeds = new LinkedHashMap<>();

  /**
   * @param sink the node's tick path
   * @param silence how long a feed may stay quiet during the session before it counts as down
   */
  public FeedManager(TickListener sink, TradingCalendar calendar, Clock clock, Duration silence) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.calendar = calendar;
    this.clock = clock;
    this.silence = silence;
  }

  /**
   * Starts {@code feed} and subscribes it to {@code instruments}. If either fails, the feed is
   * stopped again and not kept.
   *
   * @throws IllegalStateException when a feed of that name runs already
   * @throws FeedException when the feed refuses to start or to subscribe
   */
  public void start(MarketDataFeed feed, Collection<InstrumentId> instruments)
      throws FeedException {
    Channel channel;
    synchronized (this) {
      if (feeds.containsKey(feed.name())) {
        throw new IllegalStateException("a feed named '" + feed.name() + "' is running already");
      }
      channel = new Channel(feed, clock.instant());
      feeds.put(feed.name(), channel);
    }
    try {
      feed.start(channel);
      feed.subscribe(List.copyOf(instruments));
      synchronized (this) {
        channel.instruments.addAll(instruments.stream().map(Object::toString).toList());
      }
    } catch (FeedException | RuntimeException e) {
      synchronized (this) {
        feeds.remove(feed.name());
      }
      stopQuietly(feed);
      throw e;
    }
    LOG.atInfo()
        .addKeyValue("feed", feed.name())
        .addKeyValue("instruments", instruments.size())
        .log("feed started");
  }

  /** Subscribes a running feed to more instruments. */
  public void subscribe(String name, Collection<InstrumentId> instruments) throws FeedException {
    Channel channel = channel(name);
    channel.feed.subscribe(List.copyOf(instruments));
    synchronized (this) {
      channel.instruments.addAll(instruments.stream().map(Object::toString).toList());
    }
  }

  /** Stops and forgets the feed called {@code name}; does nothing when none runs. */
  public void stop(String name) {
    Channel channel;
    synchronized (this) {
      channel = feeds.remove(name);
    }
    if (channel != null) {
      stopQuietly(channel.feed);
      LOG.atInfo().addKeyValue("feed", name).log("feed stopped");
    }
  }

  /** The running feeds, in start order. */
  public synchronized List<FeedStatus> statuses() {
    List<FeedStatus> statuses = new ArrayList<>();
    for (Channel channel : feeds.values()) {
      statuses.add(channel.status());
    }
    return statuses;
  }

  /**
   * Marks feeds that delivered no tick for longer than the allowed gap while the market was open.
   * Progress is judged by the node's clock, so tests drive it with theirs.
   */
  public synchronized void checkSilence() {
    Instant now = clock.instant();
    for (Channel channel : feeds.values()) {
      long ticks = channel.ticks.sum();
      if (ticks != channel.lastCount) {
        channel.lastCount = ticks;
        channel.lastProgress = now;
        channel.lastTickAt = now;
        if (channel.silent) {
          channel.silent = false;
          LOG.atInfo().addKeyValue("feed", channel.feed.name()).log("feed delivers again");
        }
        continue;
      }
      Instant quietSince = channel.lastProgress;
      var session = calendar.session(now);
      if (session.isEmpty() || channel.instruments.isEmpty()) {
        continue; // a closed market or an idle feed is not a silent feed
      }
      if (session.get().open().isAfter(quietSince)) {
        quietSince = session.get().open();
      }
      boolean silentNow = Duration.between(quietSince, now).compareTo(silence) > 0;
      if (silentNow && !channel.silent) {
        LOG.atWarn()
            .addKeyValue("feed", channel.feed.name())
            .addKeyValue("quietSeconds", Duration.between(quietSince, now).toSeconds())
            .log("feed is silent during the session");
      }
      channel.silent = silentNow;
      channel.quietSince = quietSince;
    }
  }

  /** Stops every feed, newest first. */
  @Override
  public void close() {
    List<String> names;
    synchronized (this) {
      names = new ArrayList<>(feeds.keySet());
    }
    java.util.Collections.reverse(names);
    names.forEach(this::stop);
  }

  private synchronized Channel channel(String name) {
    Channel channel = feeds.get(name);
    if (channel == null) {
      throw new IllegalArgumentException("no feed named '" + name + "' is running");
    }
    return channel;
  }

  private static void stopQuietly(MarketDataFeed feed) {
    try {
      feed.stop();
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).addKeyValue("feed", feed.name()).log("feed failed to stop");
    }
  }

  /** One feed's listener: counts its ticks and passes them on. */
  private final class Channel implements TickListener {
    final MarketDataFeed feed;
    final LongAdder ticks = new LongAdder();
    final Set<String> instruments = new TreeSet<>();
    volatile boolean connected = true;
    volatile String detail = "";
    long lastCount;
    Instant lastProgress;
    Instant lastTickAt;
    Instant quietSince;
    boolean silent;

    Channel(MarketDataFeed feed, Instant started) {
      this.feed = feed;
      this.lastProgress = started;
    }

    @Override
    public void onTick(Tick tick) {
      ticks.increment();
      sink.onTick(tick);
    }

    @Override
    public void onConnectionChanged(boolean connected, String detail) {
      this.connected = connected;
      this.detail = detail == null ? "" : detail;
      LOG.atInfo()
          .addKeyValue("feed", feed.name())
          .addKeyValue("connected", connected)
          .addKeyValue("detail", this.detail)
          .log("feed connection changed");
    }

    FeedStatus status() {
      String text = detail;
      if (silent && quietSince != null) {
        text =
            "no tick for "
                + Duration.between(quietSince, clock.instant()).toSeconds()
                + " s during the session";
      }
      return new FeedStatus(
          feed.name(), List.copyOf(instruments), ticks.sum(), connected, text, lastTickAt, silent);
    }
  }
}

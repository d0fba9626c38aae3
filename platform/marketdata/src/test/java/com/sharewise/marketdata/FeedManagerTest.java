package com.sharewise.marketdata;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.FeedException;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDataFeed;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.TickListener;
import com.sharewise.api.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedManagerTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  private final List<Tick> received = new ArrayList<>();
  private final ManualClock clock = new ManualClock(at("2025-01-06 09:00:00"));
  private final FeedManager feeds =
      new FeedManager(received::add, TradingCalendar.nse(), clock, Duration.ofSeconds(30));
  private final FakeFeed feed = new FakeFeed("broker-x");

  @Test
  void aFeedQuietForLongerThanAllowedDuringTheSessionIsSilentByName() throws FeedException {
    feeds.start(feed, List.of(INFY));
    clock.set(at("2025-01-06 09:14:00"));
    feeds.checkSilence();
    assertThat(feeds.statuses().get(0).up()).as("the market is closed").isTrue();

    clock.set(at("2025-01-06 09:15:30"));
    feeds.checkSilence();
    assertThat(feeds.statuses().get(0).up()).as("30 s into the session").isTrue();

    clock.set(at("2025-01-06 09:15:31"));
    feeds.checkSilence();
    FeedStatus status = feeds.statuses().get(0);
    assertThat(status.silent()).isTrue();
    assertThat(status.name()).isEqualTo("broker-x");
    assertThat(status.detail()).contains("no tick for 31 s");

    feed.emit();
    clock.set(at("2025-01-06 09:15:32"));
    feeds.checkSilence();
    assertThat(feeds.statuses().get(0).up()).isTrue();
    assertThat(feeds.statuses().get(0).ticks()).isEqualTo(1);
    assertThat(received).hasSize(1);
  }

  @Test
  void aLostConnectionIsShownUntilTheFeedRecovers() throws FeedException {
    feeds.start(feed, List.of(INFY));
    feed.listener.onConnectionChanged(false, "socket closed by broker");
    assertThat(feeds.statuses().get(0).up()).isFalse();
    assertThat(feeds.statuses().get(0).detail()).isEqualTo("socket closed by broker");
    feed.listener.onConnectionChanged(true, "reconnected");
    assertThat(feeds.statuses().get(0).up()).isTrue();
  }

  @Test
  void aFeedThatFailsToSubscribeIsStoppedAndNotKept() {
    feed.refuse = true;
    assertThatThrownBy(() -> feeds.start(feed, List.of(INFY))).isInstanceOf(FeedException.class);
    assertThat(feed.stopped).isTrue();
    assertThat(feeds.statuses()).isEmpty();
  }

  @Test
  void closeStopsEveryFeed() throws FeedException {
    feeds.start(feed, List.of(INFY));
    FakeFeed other = new FakeFeed("other");
    feeds.start(other, List.of());
    assertThatThrownBy(() -> feeds.start(new FakeFeed("other"), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other");
    feeds.close();
    assertThat(feed.stopped).isTrue();
    assertThat(other.stopped).isTrue();
  }

  private static final class FakeFeed implements MarketDataFeed {
    final String name;
    TickListener listener;
    boolean refuse;
    boolean stopped;

    FakeFeed(String name) {
      this.name = name;
    }

    void emit() {
      listener.onTick(
          new Tick(INFY, at("2025-01-06 09:15:31"), 1500, 1, 1, 1499.95, 1500, MarketDepth.EMPTY));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start(TickListener listener) {
      this.listener = listener;
    }

    @Override
    public void subscribe(Collection<InstrumentId> instruments) throws FeedException {
      if (refuse) {
        throw new FeedException("no such instrument at this broker");
      }
    }

    @Override
    public void unsubscribe(Collection<InstrumentId> instruments) {}

    @Override
    public void stop() {
      stopped = true;
    }
  }
}

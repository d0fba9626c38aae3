package com.sharewise.orders.testkit;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A quote book the test writes; subscribers are told synchronously, on the test's thread. */
public final class TestQuotes implements QuoteSource {

  private final Clock clock;
  private final Map<InstrumentId, Tick> latest = new ConcurrentHashMap<>();
  private final Map<InstrumentId, List<Consumer<Tick>>> listeners = new ConcurrentHashMap<>();
  private final Map<InstrumentId, Long> volume = new ConcurrentHashMap<>();

  public TestQuotes(Clock clock) {
    this.clock = clock;
  }

  /** A trade at {@code price}, with no bid or ask. */
  public void last(InstrumentId instrument, double price) {
    publish(new Tick(instrument, clock.instant(), price, 1, 0, Double.NaN, Double.NaN, null));
  }

  /** A quote with a bid and an ask, {@code traded} more shares traded since the last quote. */
  public void quote(InstrumentId instrument, double bid, double ask, long traded) {
    long total = volume.merge(instrument, traded, Long::sum);
    publish(
        new Tick(
            instrument,
            clock.instant(),
            (bid + ask) / 2,
            traded,
            total,
            bid,
            ask,
            MarketDepth.EMPTY));
  }

  private void publish(Tick tick) {
    latest.put(tick.instrument(), tick);
    listeners.getOrDefault(tick.instrument(), List.of()).forEach(l -> l.accept(tick));
  }

  /** How many subscriptions are open on {@code instrument}. */
  public int subscribers(InstrumentId instrument) {
    return listeners.getOrDefault(instrument, List.of()).size();
  }

  @Override
  public Optional<Tick> latest(InstrumentId instrument) {
    return Optional.ofNullable(latest.get(instrument));
  }

  @Override
  public Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
    List<Consumer<Tick>> list =
        listeners.computeIfAbsent(instrument, k -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }
}

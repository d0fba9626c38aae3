package com.sharewise.marketdata.internal;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.marketdata.QuoteBook;
import com.sharewise.marketdata.QuoteStats;
import com.sharewise.marketdata.StreamPublisher;
import com.sharewise.marketdata.rest.QuoteDto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quote book on the grid. The tick path ({@link TickPipeline}) keeps the newest tick per
 * instrument locally and marks changed instruments; this class's flusher thread wakes every flush
 * interval, takes the changed instruments, pushes each newest quote to the stream publisher (when
 * someone listens) and writes them all to the grid map in one {@code setAll}.
 *
 * <p>Why not an {@code IMap.put} per tick: at 200,000 ticks/s a synchronous put (a partition
 * operation, often a network round trip, plus a backup) would cap the tick path at a few tens of
 * thousands of ticks per second and make every feed wait on the network. Conflating to the newest
 * tick per instrument per interval bounds grid traffic by instruments × flush rate instead of tick
 * rate; the price is that other nodes see a quote up to one flush interval (20 ms by default) later
 * than this node, which keeps answering from its local copy. Out-of-order drops are counted locally
 * per lane, never in the grid.
 *
 * <p>{@link #subscribe} is served by the {@link QuoteListeners} the tick path feeds, so listeners
 * see this node's ticks as they are accepted, not the flushed grid copy.
 */
public final class GridQuoteBook implements QuoteBook, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GridQuoteBook.class);

  private final TickPipeline pipeline;
  private final IMap<String, byte[]> map;
  private final StreamPublisher publisher;
  private final PreviousCloses previousCloses;
  private final QuoteListeners listeners;
  private final long intervalNanos;
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Thread flusher;
  private volatile boolean running = true;

  /**
   * @param listeners the subscriptions {@code pipeline} hands its ticks to; closed with this book
   */
  public GridQuoteBook(
      TickPipeline pipeline,
      IMap<String, byte[]> map,
      StreamPublisher publisher,
      PreviousCloses previousCloses,
      QuoteListeners listeners,
      Duration flushInterval) {
    this.pipeline = pipeline;
    this.map = map;
    this.publisher = publisher;
    this.previousCloses = previousCloses;
    this.listeners = listeners;
    this.intervalNanos = flushInterval.toNanos();
    this.flusher = new Thread(this::run, "marketdata-quote-flusher");
    this.flusher.setDaemon(true);
    this.flusher.start();
  }

  private void run() {
    while (running) {
      LockSupport.parkNanos(intervalNanos);
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.atError().setCause(e).log("quote flush failed");
      }
    }
  }

  /** Publishes and writes every changed quote now. Called by the flusher thread (and by close). */
  public synchronized void flush() {
    Map<String, byte[]> batch = new HashMap<>();
    List<Lane> flushed = new ArrayList<>();
    Lane lane;
    while ((lane = pipeline.pollDirty()) != null) {
      Tick tick = lane.latest;
      if (tick == null) {
        continue;
      }
      // published even without subscribers: the hub keeps the latest per instrument and sends
      // it to a new subscriber at once; conflation bounds this to one DTO per flush per instrument
      publisher.publish(
          StreamPublisher.QUOTES, lane.key, QuoteDto.of(tick, previousCloses.get(tick)));
      batch.put(lane.key, TickCodec.encode(tick));
      flushed.add(lane);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      map.setAll(batch);
      flushes.incrementAndGet();
      entries.addAndGet(batch.size());
    } catch (RuntimeException e) {
      flushed.forEach(pipeline::markDirty);
      if (failures.getAndIncrement() % 1_000 == 0) {
        LOG.atWarn()
            .setCause(e)
            .addKeyValue("instruments", batch.size())
            .log("cannot write quotes to the grid; retrying with the next flush");
      }
    }
  }

  @Override
  public Optional<Tick> latest(InstrumentId instrument) {
    Lane lane = pipeline.lane(instrument);
    Tick local = lane == null ? null : lane.latest;
    if (local != null) {
      return Optional.of(local);
    }
    try {
      byte[] bytes = map.get(instrument.toString());
      return bytes == null ? Optional.empty() : Optional.of(TickCodec.decode(bytes));
    } catch (HazelcastInstanceNotActiveException e) {
      return Optional.empty();
    }
  }

  /**
   * Delivers the ticks this node's feeds bring for {@code instrument} from now on, on a quote
   * listener thread (see {@link QuoteListeners}); ticks other nodes receive are not delivered here.
   *
   * @throws IllegalStateException when the quote book is closed
   */
  @Override
  public Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
    return listeners.subscribe(instrument, listener);
  }

  @Override
  public List<Tick> all() {
    Map<String, Tick> newest = new TreeMap<>();
    try {
      for (Map.Entry<String, byte[]> entry : map.entrySet()) {
        newest.put(entry.getKey(), TickCodec.decode(entry.getValue()));
      }
    } catch (HazelcastInstanceNotActiveException e) {
      // the grid is shutting down: answer with what this node has
    }
    for (Lane lane : pipeline.lanes()) {
      Tick local = lane.latest;
      Tick shared = newest.get(lane.key);
      if (local != null
          && (shared == null || !local.exchangeTime().isBefore(shared.exchangeTime()))) {
        newest.put(lane.key, local);
      }
    }
    return List.copyOf(newest.values());
  }

  @Override
  public OptionalDouble previousClose(Tick quote) {
    return previousCloses.get(quote);
  }

  @Override
  public QuoteStats stats() {
    Lane.LaneCounters totals = pipeline.totals();
    Map<String, Long> dropped = new TreeMap<>();
    for (Lane lane : pipeline.lanes()) {
      long count = lane.counters().dropped();
      if (count > 0) {
        dropped.put(lane.key, count);
      }
    }
    return new QuoteStats(
        totals.accepted(),
        totals.dropped(),
        totals.outsideSession(),
        totals.late(),
        pipeline.lanes().size(),
        flushes.get(),
        entries.get(),
        failures.get(),
        dropped);
  }

  /** Ends every quote subscription, writes the last changes and stops the flusher. */
  @Override
  public void close() {
    listeners.close();
    running = false;
    LockSupport.unpark(flusher);
    try {
      flusher.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.atDebug().setCause(e).log("final quote flush failed");
    }
  }
}

package com.sharewise.marketdata.internal;

import static com.sharewise.store.jooq.Tables.BAR;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes closed bars to PostgreSQL off the tick path: bars are queued and written by one thread in
 * batches (one JDBC batch of upserts per round, every write interval). A failed round keeps its
 * bars and retries with growing pauses, so a database restart loses nothing; the queue is bounded,
 * and beyond it the oldest unwritten bars are dropped and counted.
 *
 * <p>Bars waiting to be written stay visible to {@link BarRepository} reads through {@link
 * #pending}. Thread-safe.
 */
public final class BarWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BarWriter.class);
  private static final int BATCH = 5_000;
  private static final long MAX_BACKOFF_MILLIS = 10_000;

  /** Identity of a stored bar. */
  public record Key(InstrumentId instrument, Timeframe timeframe, Instant openTime) {
    static Key of(Bar bar) {
      return new Key(bar.instrument(), bar.timeframe(), bar.openTime());
    }
  }

  private final DSLContext dsl;
  private final long intervalNanos;
  private final int capacity;
  private final ConcurrentHashMap<Key, Bar> pending = new ConcurrentHashMap<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong droppedUnwritten = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String lastError;

  public BarWriter(DSLContext dsl, Duration interval, int capacity) {
    this.dsl = dsl;
    this.intervalNanos = interval.toNanos();
    this.capacity = capacity;
    this.thread = new Thread(this::run, "marketdata-bar-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues a closed bar for writing; never blocks. When the queue is full (the database has been
   * down for long) the bar is dropped and counted.
   */
  public void enqueue(Bar bar) {
    Key key = Key.of(bar);
    if (pending.size() >= capacity && !pending.containsKey(key)) {
      droppedUnwritten.incrementAndGet();
      return;
    }
    pending.put(key, bar);
  }

  /** Bars queued and not yet written. */
  public Iterable<Bar> pending() {
    return pending.values();
  }

  /** Whether bars wait to be written. */
  public int backlog() {
    return pending.size();
  }

  public long written() {
    return written.get();
  }

  public long failures() {
    return failures.get();
  }

  public long droppedUnwritten() {
    return droppedUnwritten.get();
  }

  /** The last write error, or null after a successful write. */
  public String lastError() {
    return lastError;
  }

  private void run() {
    long backoff = 0;
    while (running || !pending.isEmpty()) {
      LockSupport.parkNanos(backoff > 0 ? TimeUnit.MILLISECONDS.toNanos(backoff) : intervalNanos);
      try {
        while (writeRound() == BATCH) {
          // a full batch: more are waiting, write on without pausing
        }
        backoff = 0;
        lastError = null;
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        lastError = e.getMessage();
        backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(250, backoff * 2));
        LOG.atWarn()
            .setCause(e)
            .addKeyValue("backlog", pending.size())
            .addKeyValue("retryInMs", backoff)
            .log("cannot store closed bars; will retry");
        if (!running) {
          break;
        }
      }
    }
  }

  /** Writes up to one batch; returns how many bars it wrote. */
  private int writeRound() {
    List<Bar> bars = new ArrayList<>(Math.min(BATCH, pending.size()));
    for (Bar bar : pending.values()) {
      if (bars.size() == BATCH) {
        break;
      }
      bars.add(bar);
    }
    if (bars.isEmpty()) {
      return 0;
    }
    upsert(dsl, bars);
    for (Bar bar : bars) {
      // removes only what was written: a newer version of the same bar (rare) stays queued
      pending.remove(Key.of(bar), bar);
    }
    written.addAndGet(bars.size());
    return bars.size();
  }

  /** Upserts {@code bars} as one JDBC batch on {@code db} (which may be a transaction). */
  public static void upsert(DSLContext db, List<Bar> bars) {
    if (bars.isEmpty()) {
      return;
    }
    BatchBindStep batch =
        db.batch(
            db.insertInto(
                    BAR,
                    BAR.INSTRUMENT,
                    BAR.TIMEFRAME,
                    BAR.OPEN_TIME,
                    BAR.OPEN,
                    BAR.HIGH,
                    BAR.LOW,
                    BAR.CLOSE,
                    BAR.VOLUME)
                .values((String) null, null, null, null, null, null, null, null)
                .onConflict(BAR.INSTRUMENT, BAR.TIMEFRAME, BAR.OPEN_TIME)
                .doUpdate()
                .set(BAR.OPEN, DSL.excluded(BAR.OPEN))
                .set(BAR.HIGH, DSL.excluded(BAR.HIGH))
                .set(BAR.LOW, DSL.excluded(BAR.LOW))
                .set(BAR.CLOSE, DSL.excluded(BAR.CLOSE))
                .set(BAR.VOLUME, DSL.excluded(BAR.VOLUME)));
    for (Bar bar : bars) {
      batch =
          batch.bind(
              bar.instrument().toString(),
              bar.timeframe().label(),
              OffsetDateTime.ofInstant(bar.openTime(), ZoneOffset.UTC),
              bar.open(),
              bar.high(),
              bar.low(),
              bar.close(),
              bar.volume());
    }
    batch.execute();
  }

  /** Writes what is queued (retrying for up to a few seconds), then stops the thread. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(5_000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!pending.isEmpty()) {
      LOG.atWarn()
          .addKeyValue("bars", pending.size())
          .log("closed bars left unwritten at shutdown");
    }
  }
}

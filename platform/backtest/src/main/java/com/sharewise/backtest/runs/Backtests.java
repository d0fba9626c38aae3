package com.sharewise.backtest.runs;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.backtest.BacktestEngine;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.BarSet;
import com.sharewise.backtest.EngineSettings;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.orders.OrderIds;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.server.ws.StreamHub;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backtest service of a node: checks a request at once (a bad field or missing bars is the
 * caller's answer, never a run that "succeeds" empty), stores it QUEUED, runs it on a bounded pool
 * with the {@link BacktestEngine}, reports progress on the {@value #CHANNEL} WebSocket channel and
 * stores the results. Optimisations ({@link Optimisations}) run many of these in parallel.
 *
 * <p>Thread-safe. Runs that a stopped node left QUEUED or RUNNING are marked FAILED at start.
 */
public final class Backtests implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Backtests.class);

  /** The WebSocket channel of backtest and optimisation progress, keyed by their id. */
  public static final String CHANNEL = "backtests";

  /**
   * What the service works with.
   *
   * @param dsl the database
   * @param clock wall time, for the records' timestamps (runs use simulated time)
   * @param bars stored bar history
   * @param strategies installed strategy plugins
   * @param paper the paper broker plugin's factory, empty while it is not installed
   * @param instruments the instrument master
   * @param gates the node's signal and risk rules
   * @param streams where progress goes, or null
   * @param workDirectory scratch space for the paper broker's throw-away books
   */
  public record Parts(
      DSLContext dsl,
      Clock clock,
      BarHistory bars,
      StrategyCatalog strategies,
      Supplier<Optional<BrokerAdapterFactory>> paper,
      Function<InstrumentId, Optional<Instrument>> instruments,
      BacktestGates gates,
      StreamHub streams,
      Path workDirectory) {}

  /**
   * Tunables.
   *
   * @param threads backtests run at once
   * @param queue backtests that may wait
   * @param maxBars most primary bars per instrument in one backtest
   * @param engine the engine's settings (seed, time budget, series length)
   * @param volumes intraday volume profile for VWAP orders
   */
  public record Settings(
      int threads, int queue, int maxBars, EngineSettings engine, VolumeProfile volumes) {}

  private final Parts parts;
  private final Settings settings;
  private final BacktestStore store;
  private final BarLoader loader;
  private final Resolver resolver;
  private final ThreadPoolExecutor pool;
  private final OrderIds ids;
  private final Map<String, AtomicBoolean> cancels = new ConcurrentHashMap<>();

  public Backtests(Parts parts, Settings settings) {
    this.parts = parts;
    this.settings = settings;
    this.store = new BacktestStore(parts.dsl());
    this.loader = new BarLoader(parts.bars(), settings.maxBars());
    this.resolver = new Resolver(parts.strategies(), parts.instruments(), true);
    this.ids = new OrderIds(parts.clock(), new SecureRandom());
    this.pool =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, settings.queue())),
            Thread.ofPlatform().name("backtest-", 0).daemon(true).factory());
    this.pool.allowCoreThreadTimeOut(true);
    for (String id : store.unfinished()) {
      store.finished(
          id, BacktestStatus.FAILED, "the node stopped while it ran; submit it again", now());
    }
  }

  /**
   * Checks and queues a backtest.
   *
   * @throws BacktestException.Invalid naming the bad field
   * @throws BacktestException.NoBars when an instrument has no bars in the range
   * @throws BacktestsBusyException when the queue is full
   */
  public BacktestView submit(long ownerId, BacktestRequest request) {
    Prepared prepared = prepare(ownerId, request);
    loader.requireSome(prepared);
    BacktestView view =
        new BacktestView(
            "B" + ids.next(),
            ownerId,
            null,
            request,
            BacktestStatus.QUEUED,
            0,
            0,
            "",
            null,
            now(),
            null,
            null);
    store.insert(view);
    AtomicBoolean cancelled = new AtomicBoolean();
    cancels.put(view.id(), cancelled);
    try {
      pool.execute(() -> run(view.id(), prepared, cancelled));
    } catch (RejectedExecutionException e) {
      cancels.remove(view.id());
      store.finished(view.id(), BacktestStatus.FAILED, "too many backtests waiting", now());
      throw new BacktestsBusyException(
          "too many backtests are waiting (" + settings.queue() + "); try again later");
    }
    publish(view.id(), BacktestStatus.QUEUED, 0, 0, 0, "");
    return view;
  }

  /** Checks a request and puts it in the engine's terms (optimisations reuse it). */
  Prepared prepare(long ownerId, BacktestRequest request) {
    return resolver.resolve(request, ownerId, parts.gates(), engine(0));
  }

  BarLoader loader() {
    return loader;
  }

  BacktestEngine engine(double riskFreeRate) {
    BrokerAdapterFactory paper =
        parts
            .paper()
            .get()
            .orElseThrow(
                () ->
                    new BacktestsBusyException(
                        "the paper broker plugin is not installed; backtests need it"));
    return new BacktestEngine(
        new BacktestEngine.Environment(
            paper, parts.instruments(), settings.volumes(), parts.workDirectory()),
        settings.engine().withRiskFreeRate(riskFreeRate));
  }

  public Optional<BacktestView> find(String id) {
    return store.find(id);
  }

  /** Who asked for a backtest (for the WebSocket channel's access check). */
  public Optional<Long> ownerOf(String id) {
    return store.find(id).map(BacktestView::ownerId);
  }

  /** Newest first; {@code ownerId} null for everyone's. */
  public List<BacktestView> list(Long ownerId, int limit) {
    return store.list(ownerId, limit);
  }

  public List<Rows.Trade> trades(String id, int offset, int limit) {
    return store.trades(id, offset, limit);
  }

  public List<Rows.EquityPoint> equity(String id) {
    return store.equity(id);
  }

  public List<Rows.Order> orders(String id, int offset, int limit) {
    return store.orders(id, offset, limit);
  }

  /**
   * The correlation matrix of the daily returns of finished backtests, in the order given.
   *
   * @throws BacktestException.Invalid when one is not finished or they share too few days
   */
  public double[][] correlations(List<String> backtestIds) {
    Map<String, DailyEquity> series = new LinkedHashMap<>();
    for (String id : backtestIds) {
      series.put(
          id,
          store
              .daily(id)
              .orElseThrow(
                  () -> new BacktestException.Invalid("ids", "backtest " + id + " is not done")));
    }
    return DailyEquity.correlations(series);
  }

  /**
   * Asks a queued or running backtest to stop.
   *
   * @return false when it had already finished
   */
  public boolean cancel(String id) {
    AtomicBoolean flag = cancels.get(id);
    if (flag == null) {
      return false;
    }
    flag.set(true);
    return true;
  }

  private void run(String id, Prepared prepared, AtomicBoolean cancelled) {
    try {
      if (cancelled.get()) {
        throw new BacktestException.Cancelled("cancelled before it started");
      }
      BarSet bars = loader.load(prepared);
      long total = bars.primaryCount();
      store.started(id, total, now());
      publish(id, BacktestStatus.RUNNING, 0, 0, total, "");
      BacktestResult result =
          engine(prepared.riskFreeRate()).run(prepared.spec(), bars, observer(id, cancelled));
      Metrics metrics = Metrics.of(result);
      store.done(id, result, metrics, now());
      publish(id, BacktestStatus.DONE, 1, total, total, "");
      LOG.atInfo()
          .addKeyValue("backtest", id)
          .addKeyValue("bars", total)
          .addKeyValue("trades", result.trades().size())
          .addKeyValue("ms", result.stats().elapsedNanos() / 1_000_000)
          .log("backtest done");
    } catch (BacktestException.Cancelled e) {
      end(id, BacktestStatus.CANCELLED, e.getMessage());
    } catch (BacktestException e) {
      end(id, BacktestStatus.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      LOG.atError().addKeyValue("backtest", id).setCause(e).log("backtest failed");
      end(id, BacktestStatus.FAILED, "the backtest failed: " + e);
    } finally {
      cancels.remove(id);
    }
  }

  private void end(String id, BacktestStatus status, String error) {
    store.finished(id, status, error, now());
    publish(id, status, 0, 0, 0, error);
  }

  private BacktestObserver observer(String id, AtomicBoolean cancelled) {
    return new BacktestObserver() {
      @Override
      public void progress(long barsDone, long barsTotal) {
        double fraction = barsTotal == 0 ? 1 : (double) barsDone / barsTotal;
        store.progress(id, fraction);
        publish(id, BacktestStatus.RUNNING, fraction, barsDone, barsTotal, "");
      }

      @Override
      public boolean cancelled() {
        return cancelled.get();
      }
    };
  }

  private void publish(
      String id, BacktestStatus status, double progress, long done, long total, String error) {
    StreamHub streams = parts.streams();
    if (streams != null && streams.hasSubscribers(CHANNEL, id)) {
      streams.publish(
          CHANNEL, id, new BacktestEvent(id, "backtest", status, progress, done, total, error));
    }
  }

  private Instant now() {
    return parts.clock().instant();
  }

  @Override
  public void close() {
    cancels.values().forEach(flag -> flag.set(true));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }
}

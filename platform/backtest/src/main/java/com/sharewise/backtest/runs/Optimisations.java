package com.sharewise.backtest.runs;

import com.sharewise.backtest.BacktestEngine;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BarSet;
import com.sharewise.backtest.optimise.ParameterSpace;
import com.sharewise.backtest.optimise.Window;
import com.sharewise.orders.OrderIds;
import com.sharewise.server.ws.StreamHub;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid search, random search and walk-forward analysis: many backtests of one strategy with
 * different parameter values, run in parallel on every core over bars loaded once, ranked by a
 * chosen metric. Progress (backtests finished / all) goes on the {@value Backtests#CHANNEL} channel
 * keyed by the optimisation's id.
 *
 * <p>Walk-forward: rolling windows; in each, the in-sample range is searched (grid or random) and
 * the best parameter set is then run unchanged on the out-of-sample range that follows. The summary
 * gives each fold's choice and scores and the mean out-of-sample score, the honest estimate.
 *
 * <p>Parameter sets the strategy refuses as a combination (say {@code fast ≥ slow}) are skipped and
 * counted. Thread-safe; one optimisation runs at a time, its backtests on all cores.
 */
public final class Optimisations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Optimisations.class);

  private final Backtests backtests;
  private final OptimisationStore store;
  private final Clock clock;
  private final StreamHub streams;
  private final ExecutorService coordinator =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("optimisation").daemon(true).factory());
  private final ExecutorService workers;
  private final int cores;
  private final OrderIds ids;
  private final Map<String, AtomicBoolean> cancels = new ConcurrentHashMap<>();

  /**
   * @param cores backtests run at once (all cores by default)
   */
  public Optimisations(
      Backtests backtests, DSLContext dsl, Clock clock, StreamHub streams, int cores) {
    this.backtests = backtests;
    this.store = new OptimisationStore(dsl, new BacktestStore(dsl));
    this.clock = clock;
    this.streams = streams;
    this.cores = cores;
    this.workers =
        Executors.newFixedThreadPool(
            cores, Thread.ofPlatform().name("optimisation-run-", 0).daemon(true).factory());
    this.ids = new OrderIds(clock, new SecureRandom());
    for (String id : store.unfinished()) {
      store.finished(
          id, BacktestStatus.FAILED, "the node stopped while it ran; submit it again", null, now());
    }
  }

  /** What one optimisation will do, checked. */
  private record Plan(
      Prepared base,
      String method,
      RankBy rankBy,
      List<Map<String, String>> combinations,
      List<Window> windows) {

    int runs() {
      return windows.isEmpty() ? combinations.size() : windows.size() * (combinations.size() + 1);
    }
  }

  /**
   * Checks and queues an optimisation.
   *
   * @throws BacktestException.Invalid naming the bad field
   * @throws BacktestException.NoBars when an instrument has no bars in the range
   */
  public OptimisationView submit(long ownerId, OptimisationRequest request) {
    Plan plan = plan(ownerId, request);
    backtests.loader().requireSome(plan.base());
    OptimisationView view =
        new OptimisationView(
            "O" + ids.next(),
            ownerId,
            request,
            BacktestStatus.QUEUED,
            0,
            plan.runs(),
            "",
            null,
            now(),
            null,
            null);
    store.insert(
        view, plan.method().toUpperCase(Locale.ROOT).replace('-', '_'), plan.rankBy().field());
    AtomicBoolean cancelled = new AtomicBoolean();
    cancels.put(view.id(), cancelled);
    coordinator.execute(() -> run(view.id(), plan, cancelled));
    return view;
  }

  private Plan plan(long ownerId, OptimisationRequest request) {
    if (request.backtest() == null) {
      throw new BacktestException.Invalid("backtest", "backtest is required");
    }
    Prepared base = backtests.prepare(ownerId, request.backtest());
    String method =
        request.method() == null ? "grid" : request.method().trim().toLowerCase(Locale.ROOT);
    RankBy rankBy = RankBy.parse(request.rankBy());
    Map<String, String> fixed = new LinkedHashMap<>(request.backtest().parameters());
    request.ranges().keySet().forEach(fixed::remove);
    ParameterSpace space = new ParameterSpace(request.ranges(), fixed);
    int samples = request.samples() == null ? 100 : request.samples();
    long seed = request.seed() == null ? 1 : request.seed();
    List<Window> windows = List.of();
    List<Map<String, String>> combinations;
    switch (method) {
      case "grid" -> combinations = space.grid();
      case "random" -> combinations = space.random(samples, seed);
      case "walk-forward" -> {
        OptimisationRequest.WalkForward wf = request.walkForward();
        if (wf == null) {
          throw new BacktestException.Invalid(
              "walkForward", "walk-forward needs walkForward.inSample and walkForward.outOfSample");
        }
        windows = Window.rolling(base.from(), base.to(), wf.inSample(), wf.outOfSample());
        boolean random = wf.search() != null && wf.search().equalsIgnoreCase("random");
        combinations = random ? space.random(samples, seed) : space.grid();
      }
      default ->
          throw new BacktestException.Invalid(
              "method",
              "unknown method '" + request.method() + "'; valid: grid, random, walk-forward");
    }
    // the first combination must at least name real parameters; later ones are skipped when the
    // strategy refuses them as a combination
    checkNames(base, combinations.get(0));
    return new Plan(base, method, rankBy, combinations, windows);
  }

  private void checkNames(Prepared base, Map<String, String> combination) {
    var specs = base.spec().strategy().descriptor().parameters();
    for (String name : combination.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new BacktestException.Invalid(
            "ranges." + name,
            "unknown parameter '"
                + name
                + "'; known: "
                + String.join(", ", specs.stream().map(s -> s.name()).toList()));
      }
    }
  }

  public Optional<OptimisationView> find(String id) {
    return store.find(id);
  }

  public Optional<Long> ownerOf(String id) {
    return store.find(id).map(OptimisationView::ownerId);
  }

  public List<OptimisationView> list(Long ownerId, int limit) {
    return store.list(ownerId, limit);
  }

  public List<OptimisationResult> results(String id, int offset, int limit) {
    return store.results(id, offset, limit);
  }

  /** Asks a queued or running optimisation to stop; false when it had finished. */
  public boolean cancel(String id) {
    AtomicBoolean flag = cancels.get(id);
    if (flag == null) {
      return false;
    }
    flag.set(true);
    return true;
  }

  private void run(String id, Plan plan, AtomicBoolean cancelled) {
    try {
      store.started(id, now());
      BarSet bars = backtests.loader().load(plan.base());
      Progress progress = new Progress(id, plan.runs());
      progress.report();
      Map<String, Object> summary;
      if (plan.windows().isEmpty()) {
        List<OptimisationResult> results =
            evaluate(
                plan, plan.combinations(), bars, plan.base(), 0, "SEARCH", progress, cancelled);
        store.results(id, 0, results);
        summary = summary(results, plan);
      } else {
        summary = walkForward(id, plan, bars, progress, cancelled);
      }
      store.finished(id, BacktestStatus.DONE, "", summary, now());
      publish(id, BacktestStatus.DONE, 1, plan.runs(), plan.runs(), "");
    } catch (BacktestException.Cancelled e) {
      end(id, BacktestStatus.CANCELLED, e.getMessage());
    } catch (BacktestException e) {
      end(id, BacktestStatus.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      LOG.atError().addKeyValue("optimisation", id).setCause(e).log("optimisation failed");
      end(id, BacktestStatus.FAILED, "the optimisation failed: " + e);
    } finally {
      cancels.remove(id);
    }
  }

  private Map<String, Object> walkForward(
      String id, Plan plan, BarSet bars, Progress progress, AtomicBoolean cancelled) {
    List<Map<String, Object>> folds = new ArrayList<>();
    double outOfSampleSum = 0;
    int outOfSampleScored = 0;
    int seq = 0;
    for (Window w : plan.windows()) {
      Prepared inSample = plan.base().over(w.inSampleFrom(), w.inSampleTo());
      List<OptimisationResult> searched =
          evaluate(
              plan,
              plan.combinations(),
              bars.between(w.inSampleFrom(), w.inSampleTo()),
              inSample,
              w.fold(),
              "IN_SAMPLE",
              progress,
              cancelled);
      store.results(id, seq, searched);
      seq += searched.size();
      Optional<OptimisationResult> best = best(searched);
      Map<String, Object> fold = new LinkedHashMap<>();
      fold.put("fold", w.fold());
      fold.put("inSampleFrom", w.inSampleFrom());
      fold.put("outOfSampleFrom", w.inSampleTo());
      fold.put("outOfSampleTo", w.outOfSampleTo());
      if (best.isPresent()) {
        Prepared outOfSample = plan.base().over(w.inSampleTo(), w.outOfSampleTo());
        List<OptimisationResult> tested =
            evaluate(
                plan,
                List.of(best.get().parameters()),
                bars.between(w.inSampleTo(), w.outOfSampleTo()),
                outOfSample,
                w.fold(),
                "OUT_OF_SAMPLE",
                progress,
                cancelled);
        store.results(id, seq, tested);
        seq += tested.size();
        Double oos = tested.get(0).score();
        fold.put("parameters", best.get().parameters());
        fold.put("inSampleScore", best.get().score());
        fold.put("outOfSampleScore", oos);
        if (oos != null) {
          outOfSampleSum += oos;
          outOfSampleScored++;
        }
      } else {
        progress.done(1);
        fold.put("parameters", null);
      }
      folds.add(fold);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("method", plan.method());
    summary.put("rankBy", plan.rankBy().field());
    summary.put("folds", folds);
    summary.put(
        "meanOutOfSampleScore", outOfSampleScored == 0 ? null : outOfSampleSum / outOfSampleScored);
    return summary;
  }

  /** Runs every combination over {@code bars} on all cores; results in combination order. */
  private List<OptimisationResult> evaluate(
      Plan plan,
      List<Map<String, String>> combinations,
      BarSet bars,
      Prepared range,
      int fold,
      String phase,
      Progress progress,
      AtomicBoolean cancelled) {
    BacktestEngine engine = backtests.engine(range.riskFreeRate());
    BacktestObserver observer =
        new BacktestObserver() {
          @Override
          public boolean cancelled() {
            return cancelled.get();
          }
        };
    List<Future<OptimisationResult>> futures = new ArrayList<>(combinations.size());
    for (Map<String, String> combination : combinations) {
      futures.add(
          workers.submit(
              () -> {
                try {
                  if (cancelled.get()) {
                    throw new BacktestException.Cancelled("cancelled");
                  }
                  Metrics m =
                      Metrics.of(
                          engine.run(range.spec().withParameters(combination), bars, observer));
                  return result(fold, phase, combination, plan.rankBy().score(m), m, "", range);
                } catch (BacktestException.Cancelled e) {
                  throw e;
                } catch (BacktestException e) {
                  return result(fold, phase, combination, null, null, e.getMessage(), range);
                } finally {
                  progress.done(1);
                }
              }));
    }
    List<OptimisationResult> results = new ArrayList<>(futures.size());
    for (Future<OptimisationResult> f : futures) {
      try {
        results.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BacktestException.Cancelled c) {
          futures.forEach(other -> other.cancel(false));
          throw new BacktestException.Cancelled("cancelled after " + progress.done + " runs");
        }
        throw new IllegalStateException("a backtest of the optimisation failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BacktestException.Cancelled("interrupted");
      }
    }
    return results;
  }

  private static OptimisationResult result(
      int fold,
      String phase,
      Map<String, String> parameters,
      Double score,
      Metrics metrics,
      String error,
      Prepared range) {
    return new OptimisationResult(
        0, fold, phase, parameters, score, metrics, error, range.from(), range.to());
  }

  private static Optional<OptimisationResult> best(List<OptimisationResult> results) {
    return results.stream()
        .filter(r -> r.score() != null)
        .max(Comparator.comparingDouble(OptimisationResult::score));
  }

  private static Map<String, Object> summary(List<OptimisationResult> results, Plan plan) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("method", plan.method());
    summary.put("rankBy", plan.rankBy().field());
    summary.put("evaluated", results.stream().filter(r -> r.metrics() != null).count());
    summary.put("skipped", results.stream().filter(r -> r.metrics() == null).count());
    Optional<OptimisationResult> best = best(results);
    summary.put("bestParameters", best.map(OptimisationResult::parameters).orElse(null));
    summary.put("bestScore", best.map(OptimisationResult::score).orElse(null));
    return summary;
  }

  private void end(String id, BacktestStatus status, String error) {
    store.finished(id, status, error, null, now());
    publish(id, status, 0, 0, 0, error);
  }

  private void publish(
      String id, BacktestStatus status, double progress, long done, long total, String error) {
    if (streams != null && streams.hasSubscribers(Backtests.CHANNEL, id)) {
      streams.publish(
          Backtests.CHANNEL,
          id,
          new BacktestEvent(id, "optimisation", status, progress, done, total, error));
    }
  }

  private Instant now() {
    return clock.instant();
  }

  /** Counts finished runs; stores and publishes progress at most every 1 %. */
  private final class Progress {
    private final String id;
    private final int total;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int done;
    private volatile int reportedPercent = -1;

    Progress(String id, int total) {
      this.id = id;
      this.total = Math.max(1, total);
    }

    void done(int runs) {
      done = finished.addAndGet(runs);
      report();
    }

    synchronized void report() {
      int percent = (int) (100L * done / total);
      if (percent != reportedPercent) {
        reportedPercent = percent;
        store.progress(id, Math.min(1.0, (double) done / total));
        publish(id, BacktestStatus.RUNNING, (double) done / total, done, total, "");
      }
    }
  }

  /** Backtests an optimisation runs at once. */
  public int cores() {
    return cores;
  }

  @Override
  public void close() {
    cancels.values().forEach(flag -> flag.set(true));
    coordinator.shutdownNow();
    workers.shutdownNow();
  }
}

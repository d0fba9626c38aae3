package com.sharewise.strategies.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.strategies.StrategyRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One run of a live strategy instance: its {@link StrategyRunner} on a single virtual thread of its
 * own, so a slow or failing instance delays nobody else. Bars are queued to that thread; signals
 * the strategy emits during a bar are handed on ({@link Events#signal}) after its {@code onBar}
 * returned, so routing them does not count against the strategy's time budget.
 *
 * <p>A session ends for good (stop, pause, failure, plugin change); running the instance again
 * takes a new session with a new runner and new history. Thread-safe.
 */
public final class Session {

  /** What a session reports, on its own thread. */
  public interface Events {
    /** The strategy emitted {@code signal} on the bar just handled. */
    void signal(Session session, Signal signal);

    /** The runner paused itself (error, time budget) or could not start. */
    void failed(Session session, String reason, Throwable cause);

    /** History is loaded and the strategy created; bars flow. */
    void started(Session session);
  }

  private final String instanceId;
  private final PluginService<StrategyFactory> service;
  private final StrategyRunner runner;
  private final Events events;
  private final int maxQueued;
  private final ExecutorService executor;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean overloaded = new AtomicBoolean();
  private final List<Signal> pending = new ArrayList<>(2);
  private volatile long busySince;
  private volatile boolean started;
  private volatile boolean ended;

  /**
   * @param runner a runner whose sink is {@link #collect}
   * @param service the plugin service its factory came from
   */
  public Session(
      String instanceId,
      PluginService<StrategyFactory> service,
      RunnerFactory runner,
      Events events,
      int maxQueued) {
    this.instanceId = instanceId;
    this.service = service;
    this.runner = runner.build(this::collect);
    this.events = events;
    this.maxQueued = maxQueued;
    this.executor =
        Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("strategy-" + instanceId).factory());
  }

  /** Builds the session's runner around the sink it is given. */
  @FunctionalInterface
  public interface RunnerFactory {
    StrategyRunner build(com.sharewise.strategies.SignalSink sink);
  }

  public String instanceId() {
    return instanceId;
  }

  /** The plugin service whose factory this session runs. */
  public PluginService<StrategyFactory> service() {
    return service;
  }

  public StrategyRunner runner() {
    return runner;
  }

  /** Whether history is loaded and the strategy created. */
  public boolean started() {
    return started;
  }

  /**
   * Since when (System.nanoTime) the strategy has been inside one {@code onBar} call, or 0 when it
   * is not; the runtime's watchdog pauses an instance whose call does not return.
   */
  public long busySince() {
    return busySince;
  }

  /** Warms the runner up with {@code history} and creates the strategy, on the session's thread. */
  public void start(Supplier<List<Bar>> history) {
    run(
        () -> {
          List<Bar> bars;
          try {
            bars = history.get();
          } catch (RuntimeException e) {
            fail("could not load the bar history: " + e.getMessage(), e);
            return;
          }
          runner.warmUp(bars);
          if (runner.start()) {
            started = true;
            events.started(this);
          } else {
            StrategyRunner.Failure failure = runner.failure().orElseThrow();
            fail(failure.message(), failure.cause());
          }
        });
  }

  /**
   * Queues a closed bar. Returns at once (called on the market-data dispatch thread). When more
   * than {@code maxQueued} bars wait, the instance is failed as too slow rather than queueing
   * without bound.
   */
  public void offer(Bar bar) {
    if (ended) {
      return;
    }
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      if (overloaded.compareAndSet(false, true)) {
        // not behind the queued bars, and not on the caller's (market data's) thread
        Thread.ofVirtual()
            .name("strategy-" + instanceId + "-overload")
            .start(
                () ->
                    fail(
                        "more than " + maxQueued + " bars waited for the strategy; it is too slow",
                        null));
      }
      return;
    }
    run(
        () -> {
          queued.decrementAndGet();
          deliver(bar);
        });
  }

  private void deliver(Bar bar) {
    if (ended || runner.state() != StrategyRunner.State.RUNNING) {
      return;
    }
    busySince = System.nanoTime() | 1; // never 0 while busy
    try {
      runner.onBar(bar);
    } finally {
      busySince = 0;
    }
    if (!pending.isEmpty()) {
      List<Signal> emitted = List.copyOf(pending);
      pending.clear();
      for (Signal signal : emitted) {
        events.signal(this, signal);
      }
    }
    if (runner.state() == StrategyRunner.State.PAUSED) {
      StrategyRunner.Failure failure = runner.failure().orElseThrow();
      fail(failure.message(), failure.cause());
    }
  }

  private void collect(Signal signal) {
    pending.add(signal);
  }

  private void fail(String reason, Throwable cause) {
    if (ended) {
      return;
    }
    events.failed(this, reason, cause);
  }

  /**
   * Ends the session: the strategy gets {@code onStop} (after the bar in hand, on its own thread)
   * and no more bars.
   *
   * @return done when the strategy has stopped
   */
  public Future<?> end() {
    ended = true;
    Future<?> stopped;
    try {
      stopped = executor.submit(runner::stop);
    } catch (RejectedExecutionException e) {
      stopped = java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    executor.shutdown();
    return stopped;
  }

  /**
   * Ends a session whose strategy does not return from a call: its thread is interrupted and left
   * behind; the runner pauses itself if the call ever returns.
   */
  public void abandon() {
    ended = true;
    executor.shutdownNow();
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // ended: nothing more to do for this session
    }
  }
}

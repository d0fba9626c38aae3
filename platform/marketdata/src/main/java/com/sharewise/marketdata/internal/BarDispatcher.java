package com.sharewise.marketdata.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.marketdata.BarEvents;
import com.sharewise.marketdata.BarListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands closed bars from the tick path to their listeners (the bar writer, live indicators, the
 * WebSocket hub, strategies) on one dispatch thread, so the tick path only enqueues. The queue is
 * bounded: if listeners fall that far behind, further bars are dropped and counted rather than
 * stalling the feeds. Thread-safe.
 */
public final class BarDispatcher implements TickPipeline.BarSink, BarEvents, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BarDispatcher.class);

  private record Closed(Bar bar, long closedAtNanos) {}

  private static final Closed POISON = new Closed(null, 0);

  private final ArrayBlockingQueue<Closed> queue;
  private final CopyOnWriteArrayList<BarListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong closed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong listenerErrors = new AtomicLong();
  private final Thread thread;
  private volatile LongConsumer latencyNanos = nanos -> {};

  public BarDispatcher(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "marketdata-bar-dispatch");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  @Override
  public void closed(Bar bar, long closedAtNanos) {
    if (!queue.offer(new Closed(bar, closedAtNanos))) {
      if (dropped.getAndIncrement() % 10_000 == 0) {
        LOG.atError()
            .addKeyValue("dropped", dropped.get())
            .log("bar listeners are too slow; closed bars are being dropped");
      }
    }
  }

  @Override
  public Subscription subscribe(BarListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Receives, after all listeners handled each bar, the nanoseconds from its closing to then (the
   * benchmark's tick-to-bar-close latency).
   */
  public void onDispatched(LongConsumer latencyNanos) {
    this.latencyNanos = latencyNanos;
  }

  /** Bars handed to listeners so far. */
  public long dispatched() {
    return closed.get();
  }

  /** Bars dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Exceptions listeners threw. */
  public long listenerErrors() {
    return listenerErrors.get();
  }

  /** Bars waiting for dispatch. */
  public int backlog() {
    return queue.size();
  }

  private void run() {
    while (true) {
      Closed next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == POISON) {
        return;
      }
      for (BarListener listener : listeners) {
        try {
          listener.onBar(next.bar());
        } catch (RuntimeException e) {
          if (listenerErrors.getAndIncrement() % 1_000 == 0) {
            LOG.atError()
                .setCause(e)
                .addKeyValue("listener", listener.getClass().getName())
                .addKeyValue("bar", next.bar().instrument() + " " + next.bar().timeframe().label())
                .log("bar listener failed");
          }
        }
      }
      closed.incrementAndGet();
      latencyNanos.accept(System.nanoTime() - next.closedAtNanos());
    }
  }

  /** Dispatches what is queued (waiting up to a few seconds), then stops. */
  @Override
  public void close() {
    try {
      if (!queue.offer(POISON, 5, TimeUnit.SECONDS)) {
        thread.interrupt();
      }
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

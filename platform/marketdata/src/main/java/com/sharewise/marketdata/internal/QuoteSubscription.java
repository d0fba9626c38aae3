package com.sharewise.marketdata.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's subscription to one instrument's quotes, with a conflating slot between the tick
 * path and the listener.
 *
 * <p>The tick path {@link #offer}s each accepted tick: it replaces the pending tick (the slot holds
 * one, the newest) and, when no delivery is scheduled yet, schedules one on the listener executor.
 * So the feed's cost per subscriber is an atomic set and, at most once per delivery, a queue offer,
 * however slow the listener is; a listener that falls behind simply finds the newest tick in the
 * slot when it comes back. Only one delivery task per subscription is ever queued or running (the
 * {@code scheduled} flag), which is what makes calls one at a time, and each task delivers one tick
 * and requeues itself behind other subscriptions' tasks, so one busy instrument cannot keep a
 * listener thread to itself.
 *
 * <p>Exchange-time order holds because the tick path offers under the instrument's lane monitor, in
 * the order it accepted the ticks, and every delivery takes the newest tick offered.
 *
 * <p>Closing does not wait for a call already running: a plugin may close a subscription while
 * holding the very lock its listener is waiting for, and waiting there would deadlock. It does
 * guarantee that no call <em>starts</em> once {@link #close} has returned (the {@code state} moves
 * to CLOSED atomically with respect to a delivery's move to CALLING).
 *
 * <p>Thread-safe.
 */
final class QuoteSubscription implements QuoteSource.Subscription, Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(QuoteSubscription.class);

  private static final int IDLE = 0;
  private static final int CALLING = 1;
  private static final int CLOSED = 2;

  private final InstrumentId instrument;
  private final Consumer<Tick> listener;
  private final Executor executor;
  private final QuoteListeners.Subscribers owner;
  private final AtomicReference<Tick> pending = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private final ListenerCounters counters;

  /**
   * @param owner the instrument's subscribers, which {@link #close} removes this one from
   */
  QuoteSubscription(
      InstrumentId instrument,
      Consumer<Tick> listener,
      Executor executor,
      ListenerCounters counters,
      QuoteListeners.Subscribers owner) {
    this.instrument = instrument;
    this.listener = listener;
    this.executor = executor;
    this.counters = counters;
    this.owner = owner;
  }

  InstrumentId instrument() {
    return instrument;
  }

  /** Called by the tick path with each accepted tick: keeps it as the newest, never blocks. */
  void offer(Tick tick) {
    if (state.get() == CLOSED) {
      return;
    }
    pending.set(tick);
    schedule();
  }

  /** Delivers the newest pending tick, then requeues itself if another arrived meanwhile. */
  @Override
  public void run() {
    try {
      Tick tick = pending.getAndSet(null);
      if (tick != null) {
        deliver(tick);
      }
    } finally {
      scheduled.set(false);
    }
    // a tick offered after getAndSet saw scheduled still true and left the scheduling to us
    if (pending.get() != null) {
      schedule();
    }
  }

  private void deliver(Tick tick) {
    if (!state.compareAndSet(IDLE, CALLING)) {
      return; // closed
    }
    try {
      listener.accept(tick);
      counters.delivered.incrementAndGet();
    } catch (Exception e) {
      // the contract: a failing listener is logged and keeps its subscription
      counters.failed.incrementAndGet();
      LOG.atWarn()
          .setCause(e)
          .addKeyValue("instrument", instrument)
          .addKeyValue("exchangeTime", tick.exchangeTime())
          .log("a quote listener failed; its subscription stays open");
    } finally {
      state.compareAndSet(CALLING, IDLE);
    }
  }

  private void schedule() {
    if (state.get() == CLOSED || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      // only when the quote book is closing: nothing will be delivered any more
      scheduled.set(false);
    }
  }

  /** Stops delivery; no call of the listener starts after this returns. Idempotent. */
  @Override
  public void close() {
    if (state.getAndSet(CLOSED) != CLOSED) {
      pending.set(null);
      owner.remove(this);
    }
  }

  boolean isClosed() {
    return state.get() == CLOSED;
  }
}

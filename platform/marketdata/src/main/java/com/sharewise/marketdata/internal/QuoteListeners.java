package com.sharewise.marketdata.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of {@link QuoteSource#subscribe} on this node and the threads that call their
 * listeners.
 *
 * <p>Listeners run on a small pool of threads of their own, never on a feed's thread: the tick path
 * only drops each tick into the conflating slot of every subscription of its instrument (see {@link
 * QuoteSubscription}). Each subscription has at most one delivery task queued or running, so the
 * pool's queue never holds more tasks than there are subscriptions, whatever the tick rate.
 *
 * <p>Thread-safe. {@link #close} closes every subscription and stops the threads.
 */
public final class QuoteListeners implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QuoteListeners.class);

  private final ExecutorService executor;
  private final ConcurrentHashMap<InstrumentId, Subscribers> byInstrument =
      new ConcurrentHashMap<>();
  private final ListenerCounters counters = new ListenerCounters();
  private volatile boolean closed;

  /**
   * @param executor runs the deliveries; shut down by {@link #close}
   */
  public QuoteListeners(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Listeners on {@code threads} daemon threads named {@code marketdata-quote-listener-n}. A few
   * suffice: each listener call is meant to be short, and a listener blocked for a while holds up
   * only the subscriptions queued behind it on that one thread.
   */
  public static QuoteListeners start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("quote listener threads must be at least 1");
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "marketdata-quote-listener-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new QuoteListeners(Executors.newFixedThreadPool(threads, factory));
  }

  /** The listener threads to start by default: half the cores, between 2 and 8. */
  public static int defaultThreads() {
    return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() / 2));
  }

  /**
   * Registers {@code listener} for the ticks of {@code instrument} that {@link Subscribers#offer}
   * receives from now on.
   *
   * @throws IllegalStateException when the quote book is closed
   */
  public QuoteSource.Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      throw new IllegalStateException(
          "the quote book is closed; cannot subscribe to " + instrument);
    }
    Subscribers subscribers = forInstrument(instrument);
    QuoteSubscription subscription =
        new QuoteSubscription(instrument, listener, executor, counters, subscribers);
    subscribers.add(subscription);
    if (closed) {
      // close() ran between the check above and the add: it may have missed this one
      subscription.close();
    }
    return subscription;
  }

  /** The subscribers of {@code instrument}: the tick path keeps this per lane. */
  public Subscribers forInstrument(InstrumentId instrument) {
    Subscribers subscribers = byInstrument.get(instrument);
    return subscribers != null
        ? subscribers
        : byInstrument.computeIfAbsent(instrument, i -> new Subscribers());
  }

  /** Open subscriptions, over all instruments. */
  public int subscriptions() {
    int total = 0;
    for (Subscribers subscribers : byInstrument.values()) {
      total += subscribers.all.length;
    }
    return total;
  }

  /** Listener calls that returned normally. */
  public long delivered() {
    return counters.delivered.get();
  }

  /** Listener calls that threw (logged; the subscription stayed open). */
  public long failures() {
    return counters.failed.get();
  }

  /**
   * Closes every subscription, so no listener call starts after this returns, then stops the
   * threads, waiting a little for calls still running.
   */
  @Override
  public void close() {
    closed = true;
    List<QuoteSubscription> open = new ArrayList<>();
    for (Subscribers subscribers : byInstrument.values()) {
      open.addAll(Arrays.asList(subscribers.all));
    }
    open.forEach(QuoteSubscription::close);
    // shutdown, not shutdownNow: interrupting a listener in the middle of a file write would close
    // its channel (a paper broker's journal); queued deliveries find their subscription closed
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.atWarn().log("quote listeners still running 2 s after the quote book closed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The subscriptions of one instrument. The tick path reads the array without locking (one
   * volatile read per tick, nothing more when nobody listens); subscribing and closing copy it.
   */
  public static final class Subscribers {

    private static final QuoteSubscription[] NONE = new QuoteSubscription[0];

    private volatile QuoteSubscription[] all = NONE;

    Subscribers() {}

    /**
     * Hands {@code tick} to every subscription. Called by the tick path under the lane monitor, in
     * acceptance order, which is what keeps deliveries in exchange-time order.
     */
    public void offer(Tick tick) {
      QuoteSubscription[] current = all;
      for (QuoteSubscription subscription : current) {
        subscription.offer(tick);
      }
    }

    /** True when someone listens. */
    public boolean isEmpty() {
      return all.length == 0;
    }

    synchronized void add(QuoteSubscription subscription) {
      QuoteSubscription[] next = Arrays.copyOf(all, all.length + 1);
      next[next.length - 1] = subscription;
      all = next;
    }

    synchronized void remove(QuoteSubscription subscription) {
      QuoteSubscription[] current = all;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == subscription) {
          QuoteSubscription[] next = new QuoteSubscription[current.length - 1];
          System.arraycopy(current, 0, next, 0, i);
          System.arraycopy(current, i + 1, next, i, current.length - i - 1);
          all = next;
          return;
        }
      }
    }
  }
}

package com.sharewise.marketdata.internal;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource.Subscription;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.TradingCalendar;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Quote subscriptions fed by the tick path. Most tests run deliveries by hand on a {@link
 * StepExecutor}, which makes "the listener is slow" and "close while a delivery is queued" exact
 * instead of a matter of timing; one runs the real thread pool.
 */
class QuoteListenersTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
  private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

  private final StepExecutor executor = new StepExecutor();
  private final QuoteListeners listeners = new QuoteListeners(executor);
  private final TickPipeline pipeline =
      new TickPipeline(
          TradingCalendar.nse(), List.of(Timeframe.M1), (bar, nanos) -> {}, 1_000, listeners);
  private final List<Tick> received = new CopyOnWriteArrayList<>();

  @Test
  void deliversEachTickOfTheInstrumentInExchangeTimeOrderAndNotOnTheFeedThread() {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    listeners.subscribe(
        INFY,
        tick -> {
          threads.add(Thread.currentThread());
          received.add(tick);
        });

    Tick first = tick(INFY, "2025-01-06 09:15:01", 100.00);
    Tick second = tick(INFY, "2025-01-06 09:15:02", 100.05);
    pipeline.onTick(first);
    pipeline.onTick(tick(TCS, "2025-01-06 09:15:02", 4000.00));
    assertThat(received).as("nothing runs on the feed's thread").isEmpty();
    executor.runAll();
    pipeline.onTick(second);
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:00", 1.00)); // older than the newest: dropped
    executor.runAll();

    assertThat(received).containsExactly(first, second);
    assertThat(threads).allMatch(thread -> thread == executor.runner);
    assertThat(listeners.delivered()).isEqualTo(2);
  }

  @Test
  void aListenerThatFallsBehindGetsTheNewestTickOnly() {
    listeners.subscribe(INFY, received::add);

    pipeline.onTick(tick(INFY, "2025-01-06 09:15:01", 100.00));
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:02", 100.05));
    Tick newest = tick(INFY, "2025-01-06 09:15:03", 100.10);
    pipeline.onTick(newest);

    assertThat(executor.queued()).as("one delivery queued, however many ticks").isEqualTo(1);
    executor.runAll();
    assertThat(received).containsExactly(newest);
  }

  @Test
  void everySubscriberOfAnInstrumentGetsItsOwnCopyAndItsOwnPace() {
    List<Tick> other = new CopyOnWriteArrayList<>();
    listeners.subscribe(INFY, received::add);
    listeners.subscribe(INFY, other::add);
    Tick first = tick(INFY, "2025-01-06 09:15:01", 100.00);
    Tick second = tick(INFY, "2025-01-06 09:15:02", 100.05);

    pipeline.onTick(first);
    executor.runOne(); // the first subscriber's delivery only
    pipeline.onTick(second);
    executor.runAll();

    assertThat(received).containsExactly(first, second);
    assertThat(other).as("still queued when the second tick came").containsExactly(second);
  }

  @Test
  void aListenerThatThrowsKeepsItsSubscriptionAndOthersAreUnaffected() {
    listeners.subscribe(
        INFY,
        tick -> {
          received.add(tick);
          if (received.size() == 1) {
            throw new IllegalStateException("listener bug");
          }
        });
    List<Tick> other = new CopyOnWriteArrayList<>();
    listeners.subscribe(INFY, other::add);
    Tick first = tick(INFY, "2025-01-06 09:15:01", 100.00);
    Tick second = tick(INFY, "2025-01-06 09:15:02", 100.05);

    pipeline.onTick(first);
    executor.runAll();
    pipeline.onTick(second);
    executor.runAll();

    assertThat(received).containsExactly(first, second);
    assertThat(other).containsExactly(first, second);
    assertThat(listeners.failures()).isEqualTo(1);
  }

  @Test
  void nothingIsDeliveredAfterCloseEvenADeliveryAlreadyQueued() {
    Subscription subscription = listeners.subscribe(INFY, received::add);
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:01", 100.00));

    subscription.close();
    subscription.close(); // harmless twice
    executor.runAll();
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:02", 100.05));
    executor.runAll();

    assertThat(received).isEmpty();
    assertThat(listeners.subscriptions()).isZero();
  }

  @Test
  void aListenerMayCloseItsOwnSubscription() {
    Subscription[] own = new Subscription[1];
    own[0] =
        listeners.subscribe(
            INFY,
            tick -> {
              received.add(tick);
              own[0].close();
            });

    pipeline.onTick(tick(INFY, "2025-01-06 09:15:01", 100.00));
    executor.runAll();
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:02", 100.05));
    executor.runAll();

    assertThat(received).hasSize(1);
  }

  @Test
  void closingTheListenersEndsEverySubscriptionAndRefusesNewOnes() {
    listeners.subscribe(INFY, received::add);
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:01", 100.00));

    listeners.close();
    executor.runAll();
    pipeline.onTick(tick(INFY, "2025-01-06 09:15:02", 100.05));

    assertThat(received).isEmpty();
    assertThat(executor.isShutdown()).isTrue();
    assertThatThrownBy(() -> listeners.subscribe(INFY, received::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void onThePoolListenersRunOneCallAtATimeInOrderAndEndWithTheNewestTick() throws Exception {
    QuoteListeners pool = QuoteListeners.start(4);
    TickPipeline live =
        new TickPipeline(
            TradingCalendar.nse(), List.of(Timeframe.M1), (bar, nanos) -> {}, 1_000, pool);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<String> threadNames = new CopyOnWriteArrayList<>();
    Instant start = at("2025-01-06 09:15:00");
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      ticks.add(tick(INFY, start.plusMillis(i), 100 + i * 0.05));
    }
    Tick newest = ticks.get(ticks.size() - 1);
    CountDownLatch done = new CountDownLatch(1);
    try {
      pool.subscribe(
          INFY,
          tick -> {
            if (inside.incrementAndGet() > 1) {
              overlaps.incrementAndGet();
            }
            threadNames.add(Thread.currentThread().getName());
            received.add(tick);
            inside.decrementAndGet();
            if (tick == newest) {
              done.countDown();
            }
          });
      ticks.forEach(live::onTick);
      assertThat(done.await(10, TimeUnit.SECONDS)).as("the newest tick arrives").isTrue();
    } finally {
      pool.close();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(received.get(received.size() - 1)).isSameAs(newest);
    assertThat(received)
        .extracting(Tick::exchangeTime)
        .isSortedAccordingTo(Instant::compareTo)
        .doesNotHaveDuplicates();
    assertThat(threadNames).allMatch(name -> name.startsWith("marketdata-quote-listener-"));
  }

  private static Tick tick(InstrumentId instrument, String ist, double price) {
    return tick(instrument, at(ist), price);
  }

  private static Tick tick(InstrumentId instrument, Instant time, double price) {
    return new Tick(
        instrument, time, price, 1, 1_000, price - 0.05, price + 0.05, MarketDepth.EMPTY);
  }

  /** Queues tasks until the test runs them, on the test's thread. */
  private static final class StepExecutor extends AbstractExecutorService {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Thread runner = Thread.currentThread();
    private boolean shutdown;

    @Override
    public synchronized void execute(Runnable task) {
      if (shutdown) {
        throw new RejectedExecutionException("shut down");
      }
      tasks.add(task);
    }

    synchronized int queued() {
      return tasks.size();
    }

    void runOne() {
      Runnable task;
      synchronized (this) {
        task = tasks.poll();
      }
      if (task != null) {
        task.run();
      }
    }

    /** Runs queued tasks, and those they queue, until none is left. */
    void runAll() {
      while (queued() > 0) {
        runOne();
      }
    }

    @Override
    public synchronized void shutdown() {
      shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
      shutdown = true;
      List<Runnable> pending = List.copyOf(tasks);
      tasks.clear();
      return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
      return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}

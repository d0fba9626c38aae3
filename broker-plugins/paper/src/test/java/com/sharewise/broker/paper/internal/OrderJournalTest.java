package com.sharewise.broker.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.InstrumentId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's group commit: callers write one at a time (the adapter's lock) but wait for the
 * disk together, so appends made while a force runs share the next one; a failed force fails every
 * caller it was to cover and the journal takes nothing more.
 */
class OrderJournalTest {

  private static final int WRITERS = 8;

  @TempDir Path state;
  private final Object adapterLock = new Object();

  @Test
  void appendsMadeWhileAForceRunsAreAllMadeDurableByTheNextOne() throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger forces = new AtomicInteger();
    OrderJournal.Forcing slowSecondForce =
        channel -> {
          if (forces.incrementAndGet() == 2) { // the first is the open's
            forcing.countDown();
            await(release);
          }
          channel.force(false);
        };
    List<OrderEvent> written = new CopyOnWriteArrayList<>();
    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    try (OrderJournal journal = OrderJournal.open(state, event -> {}, slowSecondForce)) {
      Future<?> first = callers.submit(() -> appendAndSync(journal, 0, written));
      assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
      CountDownLatch appended = new CountDownLatch(WRITERS);
      List<Future<?>> others = new ArrayList<>();
      for (int i = 1; i <= WRITERS; i++) {
        int n = i;
        others.add(
            callers.submit(
                () -> {
                  long position = append(journal, n, written);
                  appended.countDown();
                  sync(journal, position);
                }));
      }
      assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(journal.durable())
          .as("nothing new is durable before the force")
          .isLessThan(journal.written());

      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (Future<?> other : others) {
        other.get(10, TimeUnit.SECONDS);
      }

      assertThat(forces).as("the open's, the slow one, one for all the rest").hasValue(3);
      assertThat(journal.durable()).isEqualTo(journal.written());
    } finally {
      callers.shutdownNow();
    }
    List<OrderEvent> replayed = new ArrayList<>();
    try (OrderJournal reopened = OrderJournal.open(state, replayed::add, true)) {
      assertThat(replayed).containsExactlyInAnyOrderElementsOf(written).hasSize(WRITERS + 1);
    }
  }

  @Test
  void aFailedForceFailsEveryCallerItCoveredAndTheJournalTakesNothingMore() throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger forces = new AtomicInteger();
    OrderJournal.Forcing failingSecondForce =
        channel -> {
          if (forces.incrementAndGet() == 2) {
            forcing.countDown();
            await(release);
            throw new IOException("the disk went away");
          }
          channel.force(false);
        };
    List<OrderEvent> written = new CopyOnWriteArrayList<>();
    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    try (OrderJournal journal = OrderJournal.open(state, event -> {}, failingSecondForce)) {
      long opened = journal.durable();
      List<Future<?>> waiting = new ArrayList<>();
      waiting.add(callers.submit(() -> appendAndSync(journal, 0, written)));
      assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
      CountDownLatch appended = new CountDownLatch(WRITERS);
      for (int i = 1; i <= WRITERS; i++) {
        int n = i;
        waiting.add(
            callers.submit(
                () -> {
                  long position = append(journal, n, written);
                  appended.countDown();
                  sync(journal, position);
                }));
      }
      assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

      release.countDown();

      for (Future<?> caller : waiting) {
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
            .hasRootCauseInstanceOf(IOException.class)
            .hasRootCauseMessage("the disk went away");
      }
      assertThat(journal.isIntact()).isFalse();
      assertThatThrownBy(() -> journal.append(List.of(event(99))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("failed during an earlier write or force");
      journal.sync(opened); // what was on disk before stays so
      assertThat(forces).as("no force after the failed one").hasValue(2);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aJournalNotForcedToDiskIsDurableAsSoonAsItIsWritten() throws Exception {
    try (OrderJournal journal = OrderJournal.open(state, event -> {}, false)) {
      long position = journal.append(List.of(event(1)));

      assertThat(journal.forcesToDisk()).isFalse();
      assertThat(journal.durable()).isEqualTo(position);
      journal.sync(position);
    }
  }

  private Void appendAndSync(OrderJournal journal, int n, List<OrderEvent> written)
      throws IOException {
    sync(journal, append(journal, n, written));
    return null;
  }

  private long append(OrderJournal journal, int n, List<OrderEvent> written) {
    OrderEvent event = event(n);
    synchronized (adapterLock) {
      try {
        long position = journal.append(List.of(event));
        written.add(event);
        return position;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void sync(OrderJournal journal, long position) {
    try {
      journal.sync(position);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OrderEvent event(int n) {
    return new OrderEvent.ReferencePrice(
        Instant.parse("2025-01-06T04:00:00Z"),
        InstrumentId.parse("NSE:INFY"),
        LocalDate.of(2025, 1, 6),
        new BigDecimal(1500 + n));
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the test never released the force");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}

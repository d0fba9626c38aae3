package com.sharewise.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConflationQueueTest {

  private final ConflationQueue<String> queue = new ConflationQueue<>(3);

  @Test
  void keepsOnlyTheNewestValuePerKey() {
    ConflationQueue.Slot infy = queue.newSlot();

    for (int i = 1; i <= 1000; i++) {
      assertThat(queue.offer(infy, i, "infy-" + i)).isTrue();
    }

    assertThat(queue.pendingKeys()).isEqualTo(1);
    assertThat(queue.poll()).isEqualTo("infy-1000");
    assertThat(queue.poll()).isNull();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.conflated()).isEqualTo(999);
  }

  @Test
  void sendsKeysInTheOrderTheyBecamePendingWithTheirNewestValues() {
    ConflationQueue.Slot infy = queue.newSlot();
    ConflationQueue.Slot tcs = queue.newSlot();
    ConflationQueue.Slot sbin = queue.newSlot();

    queue.offer(infy, 1, "infy-1");
    queue.offer(tcs, 1, "tcs-1");
    queue.offer(infy, 2, "infy-2");
    queue.offer(sbin, 1, "sbin-1");

    assertThat(drain()).containsExactly("infy-2", "tcs-1", "sbin-1");
    queue.offer(tcs, 2, "tcs-2");
    assertThat(drain()).containsExactly("tcs-2");
  }

  @Test
  void ignoresAValueOlderThanTheOneAlreadyOffered() {
    ConflationQueue.Slot infy = queue.newSlot();

    queue.offer(infy, 5, "infy-5");
    assertThat(queue.offer(infy, 4, "infy-4")).isFalse();
    assertThat(drain()).containsExactly("infy-5");
    assertThat(queue.offer(infy, 5, "infy-5 again")).isFalse();
    assertThat(queue.offer(infy, 6, "infy-6")).isTrue();
    assertThat(drain()).containsExactly("infy-6");
  }

  @Test
  void sendsRepliesBeforeValuesAndRefusesRepliesBeyondTheLimit() {
    ConflationQueue.Slot infy = queue.newSlot();
    queue.offer(infy, 1, "infy-1");

    assertThat(queue.offerReply("r1")).isTrue();
    assertThat(queue.offerReply("r2")).isTrue();
    assertThat(queue.offerReply("r3")).isTrue();
    assertThat(queue.offerReply("r4")).isFalse();

    assertThat(drain()).containsExactly("r1", "r2", "r3", "infy-1");
  }

  @Test
  void aCancelledKeyLosesItsWaitingValueAndTakesNoMore() {
    ConflationQueue.Slot infy = queue.newSlot();
    ConflationQueue.Slot tcs = queue.newSlot();
    queue.offer(infy, 1, "infy-1");
    queue.offer(tcs, 1, "tcs-1");

    queue.cancel(infy);

    assertThat(queue.pendingKeys()).isEqualTo(1);
    assertThat(queue.offer(infy, 2, "infy-2")).isFalse();
    assertThat(drain()).containsExactly("tcs-1");
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aClosedQueueDropsEverythingAndTakesNothing() {
    ConflationQueue.Slot infy = queue.newSlot();
    queue.offer(infy, 1, "infy-1");
    queue.offerReply("r1");

    queue.close();

    assertThat(queue.poll()).isNull();
    assertThat(queue.offer(infy, 2, "infy-2")).isFalse();
    assertThat(queue.offerReply("r2")).isFalse();
    assertThat(queue.pendingKeys()).isZero();
  }

  @Test
  void underConcurrentPublishersTheConsumerEndsWithTheNewestValueOfEveryKey() throws Exception {
    int keys = 20;
    int publishers = 4;
    int perPublisher = 20_000;
    ConflationQueue<String> shared = new ConflationQueue<>(10);
    List<ConflationQueue.Slot> slots = new ArrayList<>();
    List<AtomicLong> versions = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      slots.add(shared.newSlot());
      versions.add(new AtomicLong());
    }
    ExecutorService threads = Executors.newFixedThreadPool(publishers + 1);
    CountDownLatch start = new CountDownLatch(1);
    Map<Integer, Long> lastSeen = new HashMap<>();
    try {
      List<Future<?>> producing = new ArrayList<>();
      for (int p = 0; p < publishers; p++) {
        int seed = p;
        producing.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perPublisher; i++) {
                    int k = (i * 7 + seed) % keys;
                    long version = versions.get(k).incrementAndGet();
                    shared.offer(slots.get(k), version, k + ":" + version);
                  }
                  return null;
                }));
      }
      Future<?> consuming =
          threads.submit(
              () -> {
                start.await();
                while (!producing.stream().allMatch(Future::isDone) || !shared.isEmpty()) {
                  String value = shared.poll();
                  if (value != null) {
                    String[] parts = value.split(":");
                    int k = Integer.parseInt(parts[0]);
                    long version = Long.parseLong(parts[1]);
                    assertThat(version)
                        .as("key %d goes forward", k)
                        .isGreaterThan(lastSeen.getOrDefault(k, 0L));
                    lastSeen.put(k, version);
                  }
                }
                return null;
              });
      start.countDown();
      for (Future<?> f : producing) {
        f.get(30, TimeUnit.SECONDS);
      }
      consuming.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    for (int k = 0; k < keys; k++) {
      assertThat(lastSeen.get(k)).as("key %d", k).isEqualTo(versions.get(k).get());
    }
  }

  private List<String> drain() {
    List<String> out = new ArrayList<>();
    String value;
    while ((value = queue.poll()) != null) {
      out.add(value);
    }
    return out;
  }
}

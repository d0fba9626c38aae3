package com.sharewise.rules.internal;

import static com.sharewise.store.jooq.Tables.RULE_DECISION;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sharewise.rules.Explanation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep13;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decisions and their explanations to {@code rule_decision} off the order path: {@link
 * #record} only queues (bounded), a background thread serialises and inserts in batches. Ids are
 * assigned at once so callers can link to a decision before it is written. Thread-safe.
 */
public final class DecisionRecorder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);
  private static final int BATCH = 500;
  private static final TypeReference<Map<String, Integer>> VERSIONS = new TypeReference<>() {};
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

  /** A decision waiting to be written. Facts and answer are serialised on the writer thread. */
  public record Pending(
      String id,
      String kind,
      String subject,
      String accountId,
      Instant decidedAt,
      String outcome,
      String ruleName,
      String reason,
      Map<String, Integer> versions,
      List<String> fired,
      Object facts,
      Object answer,
      long elapsedMicros) {}

  private final DSLContext dsl;
  private final BlockingQueue<Pending> queue;
  private final String prefix;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Thread writer;
  private volatile boolean running = true;

  /**
   * @param dsl where to write; null keeps nothing (benchmarks and unit tests)
   * @param capacity decisions waiting before explanations are dropped
   */
  public DecisionRecorder(DSLContext dsl, int capacity) {
    this.dsl = dsl;
    this.queue = new ArrayBlockingQueue<>(capacity);
    // a random prefix per run keeps ids unique across nodes and restarts without coordination
    this.prefix =
        Long.toString(System.currentTimeMillis(), 36)
            + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    this.writer = new Thread(this::drain, "rules-decision-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** A new decision id: short, unique, time-ordered within a node. */
  public String nextId() {
    return "d-" + prefix + "-" + Long.toString(sequence.incrementAndGet(), 36);
  }

  /** Queues a decision; when the queue is full the explanation is dropped (and counted). */
  public void record(Pending pending) {
    if (dsl == null) {
      return;
    }
    if (!queue.offer(pending)) {
      long n = dropped.incrementAndGet();
      if (n == 1 || n % 10_000 == 0) {
        LOG.atWarn()
            .addKeyValue("dropped", n)
            .log("decision log queue full: explanations are being dropped");
      }
    }
  }

  public long dropped() {
    return dropped.get();
  }

  public long written() {
    return written.get();
  }

  public int backlog() {
    return queue.size();
  }

  /** The stored explanation, or one still waiting to be written. */
  public Optional<Explanation> explain(String id) {
    for (Pending pending : queue) {
      if (pending.id().equals(id)) {
        return Optional.of(toExplanation(pending));
      }
    }
    if (dsl == null) {
      return Optional.empty();
    }
    return dsl.selectFrom(RULE_DECISION)
        .where(RULE_DECISION.ID.eq(id))
        .fetchOptional(
            r ->
                new Explanation(
                    r.getId(),
                    r.getKind(),
                    r.getSubject(),
                    r.getAccountId(),
                    r.getDecidedAt().toInstant(),
                    r.getOutcome(),
                    r.getRuleName(),
                    r.getReason(),
                    Json.read(r.getVersions(), VERSIONS),
                    Json.read(r.getFiredRules(), NAMES),
                    Json.tree(r.getFacts()),
                    Json.tree(r.getAnswer()),
                    r.getElapsedMicros()));
  }

  /** Waits until everything queued so far is written (tests, shutdown). */
  public void flush(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!queue.isEmpty() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    synchronized (this) {
      // the writer holds the lock while inserting a batch: once we get it, that batch is done
    }
  }

  private static Explanation toExplanation(Pending p) {
    return new Explanation(
        p.id(),
        p.kind(),
        p.subject(),
        p.accountId(),
        p.decidedAt(),
        p.outcome(),
        p.ruleName(),
        p.reason(),
        p.versions(),
        p.fired(),
        Json.MAPPER.valueToTree(p.facts()),
        Json.MAPPER.valueToTree(p.answer()),
        p.elapsedMicros());
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        synchronized (this) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          write(batch);
          batch.clear();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.atError()
            .setCause(e)
            .addKeyValue("lost", batch.size())
            .log("cannot write decisions; this batch is lost");
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    InsertValuesStep13<
            ?,
            String,
            String,
            String,
            String,
            java.time.OffsetDateTime,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            Long>
        insert =
            dsl.insertInto(
                RULE_DECISION,
                RULE_DECISION.ID,
                RULE_DECISION.KIND,
                RULE_DECISION.SUBJECT,
                RULE_DECISION.ACCOUNT_ID,
                RULE_DECISION.DECIDED_AT,
                RULE_DECISION.OUTCOME,
                RULE_DECISION.RULE_NAME,
                RULE_DECISION.REASON,
                RULE_DECISION.VERSIONS,
                RULE_DECISION.FIRED_RULES,
                RULE_DECISION.FACTS,
                RULE_DECISION.ANSWER,
                RULE_DECISION.ELAPSED_MICROS);
    for (Pending p : batch) {
      insert =
          insert.values(
              p.id(),
              p.kind(),
              truncate(p.subject(), 100),
              truncate(p.accountId(), 100),
              RuleSetStore.time(p.decidedAt()),
              p.outcome(),
              p.ruleName(),
              p.reason(),
              Json.write(p.versions()),
              Json.write(p.fired()),
              Json.write(p.facts()),
              Json.write(p.answer()),
              p.elapsedMicros());
    }
    insert.onConflictDoNothing().execute();
    written.addAndGet(batch.size());
  }

  private static String truncate(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
  }

  /** Writes what is queued (bounded wait), then stops the writer. */
  @Override
  public void close() {
    flush(5_000);
    running = false; // the writer sees this within one poll interval
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

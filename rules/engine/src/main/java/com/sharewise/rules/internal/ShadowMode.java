package com.sharewise.rules.internal;

import static com.sharewise.store.jooq.Tables.RULE_SET_VERSION;
import static com.sharewise.store.jooq.Tables.RULE_SHADOW_DIFF;
import static com.sharewise.store.jooq.Tables.RULE_SHADOW_RUN;

import com.sharewise.rules.DecisionHistory;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.ShadowReport;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.SignalDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a candidate version beside the active one and records every decision that would differ. Live
 * runs judge copies of live facts on a background thread (the order path only queues, and drops
 * work when the queue is full rather than slow orders down); replays judge stored decisions. Both
 * compare the active and the candidate version of the same kind on the same facts. Thread-safe.
 */
public final class ShadowMode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShadowMode.class);

  /** A live run in progress. */
  private record LiveRun(
      long runId, CompiledRuleSet candidate, AtomicLong evaluated, AtomicLong differing) {}

  /** One side's answer, reduced to what is compared. */
  private record Answer(String outcome, String rule, String reason, String detail) {
    boolean differs(Answer other) {
      return !outcome.equals(other.outcome)
          || !rule.equals(other.rule)
          || !detail.equals(other.detail);
    }
  }

  private final DSLContext dsl;
  private final Judge judge;
  private final Clock clock;
  private final Map<RuleKind, LiveRun> live = new EnumMap<>(RuleKind.class);
  private volatile boolean anyLive;
  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(10_000),
          r -> {
            Thread t = new Thread(r, "rules-shadow");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardPolicy());

  public ShadowMode(DSLContext dsl, Judge judge, Clock clock) {
    this.dsl = dsl;
    this.judge = judge;
    this.clock = clock;
  }

  /** Starts a live run of {@code candidate} (stopping any run of its kind). */
  public synchronized long startLive(CompiledRuleSet candidate, String user) {
    stopLive(candidate.kind());
    long runId = insertRun(candidate, "LIVE", user);
    live.put(candidate.kind(), new LiveRun(runId, candidate, new AtomicLong(), new AtomicLong()));
    anyLive = true;
    return runId;
  }

  /** Stops the live run of {@code kind}; returns its id if there was one. */
  public synchronized Optional<Long> stopLive(RuleKind kind) {
    LiveRun run = live.remove(kind);
    anyLive = !live.isEmpty();
    if (run == null) {
      return Optional.empty();
    }
    dsl.update(RULE_SHADOW_RUN)
        .set(RULE_SHADOW_RUN.STOPPED_AT, RuleSetStore.time(clock.instant()))
        .set(RULE_SHADOW_RUN.EVALUATED, run.evaluated().get())
        .set(RULE_SHADOW_RUN.DIFFERING, run.differing().get())
        .where(RULE_SHADOW_RUN.ID.eq(run.runId()))
        .execute();
    return Optional.of(run.runId());
  }

  /** Called on the order path after a live decision: queues shadow work, never blocks. */
  public void observeOrder(
      String decisionId, RiskFacts facts, CompiledRuleSet risk, CompiledRuleSet workflow) {
    if (!anyLive) {
      return;
    }
    LiveRun riskRun;
    LiveRun workflowRun;
    synchronized (this) {
      riskRun = live.get(RuleKind.RISK);
      workflowRun = live.get(RuleKind.WORKFLOW);
    }
    if (riskRun != null && risk != null) {
      executor.execute(() -> compareOrder(riskRun.runId(), riskRun, risk, decisionId, facts));
    }
    if (workflowRun != null && workflow != null) {
      executor.execute(
          () -> compareOrder(workflowRun.runId(), workflowRun, workflow, decisionId, facts));
    }
  }

  /** Called on the signal path after a live decision. */
  public void observeSignal(String decisionId, SignalFacts facts, CompiledRuleSet signal) {
    if (!anyLive || signal == null) {
      return;
    }
    LiveRun run;
    synchronized (this) {
      run = live.get(RuleKind.SIGNAL);
    }
    if (run != null) {
      executor.execute(() -> compareSignal(run, signal, decisionId, facts));
    }
  }

  /**
   * Replays {@code candidate} beside {@code active} over recorded decisions and stores the run.
   *
   * @return the run's id
   */
  public long replay(
      CompiledRuleSet candidate,
      CompiledRuleSet active,
      DecisionHistory history,
      Instant from,
      Instant to,
      int limit,
      String user) {
    Objects.requireNonNull(active, "no active " + candidate.kind().id() + " rule set to compare");
    long runId = insertRun(candidate, "REPLAY", user);
    LiveRun run = new LiveRun(runId, candidate, new AtomicLong(), new AtomicLong());
    String family = candidate.kind() == RuleKind.SIGNAL ? "signal" : "risk";
    for (DecisionHistory.RecordedDecision recorded : history.decisions(family, from, to, limit)) {
      try {
        if (candidate.kind() == RuleKind.SIGNAL) {
          compareSignal(
              run,
              active,
              recorded.decisionId(),
              Json.read(recorded.factsJson(), SignalFacts.class));
        } else {
          compareOrder(
              runId,
              run,
              active,
              recorded.decisionId(),
              Json.read(recorded.factsJson(), RiskFacts.class));
        }
      } catch (RuntimeException e) {
        LOG.atWarn()
            .addKeyValue("decision", recorded.decisionId())
            .log("cannot replay a recorded decision: {}", e.getMessage());
      }
    }
    dsl.update(RULE_SHADOW_RUN)
        .set(RULE_SHADOW_RUN.STOPPED_AT, RuleSetStore.time(clock.instant()))
        .set(RULE_SHADOW_RUN.EVALUATED, run.evaluated().get())
        .set(RULE_SHADOW_RUN.DIFFERING, run.differing().get())
        .where(RULE_SHADOW_RUN.ID.eq(runId))
        .execute();
    return runId;
  }

  /** The runs of a kind, newest first, without their differences. */
  public List<ShadowReport> runs(RuleKind kind) {
    return dsl.select(RULE_SHADOW_RUN.ID)
        .from(RULE_SHADOW_RUN)
        .where(RULE_SHADOW_RUN.KIND.eq(kind.id()))
        .orderBy(RULE_SHADOW_RUN.ID.desc())
        .limit(100)
        .fetch(r -> report(r.value1(), 0).orElseThrow());
  }

  /** One run with up to {@code limit} differences. */
  public Optional<ShadowReport> report(long runId, int limit) {
    var row =
        dsl.select(RULE_SHADOW_RUN.fields())
            .select(RULE_SET_VERSION.VERSION)
            .from(RULE_SHADOW_RUN)
            .join(RULE_SET_VERSION)
            .on(RULE_SET_VERSION.ID.eq(RULE_SHADOW_RUN.CANDIDATE_VERSION_ID))
            .where(RULE_SHADOW_RUN.ID.eq(runId))
            .fetchOne();
    if (row == null) {
      return Optional.empty();
    }
    RuleKind kind = RuleKind.parse(row.get(RULE_SHADOW_RUN.KIND));
    long evaluated = row.get(RULE_SHADOW_RUN.EVALUATED);
    long differing = row.get(RULE_SHADOW_RUN.DIFFERING);
    synchronized (this) {
      LiveRun running = live.get(kind);
      if (running != null && running.runId() == runId) {
        evaluated = running.evaluated().get();
        differing = running.differing().get();
      }
    }
    List<ShadowReport.Difference> differences =
        limit <= 0
            ? List.of()
            : dsl.selectFrom(RULE_SHADOW_DIFF)
                .where(RULE_SHADOW_DIFF.RUN_ID.eq(runId))
                .orderBy(RULE_SHADOW_DIFF.ID)
                .limit(limit)
                .fetch(
                    d ->
                        new ShadowReport.Difference(
                            d.getDecisionId(),
                            d.getSubject(),
                            d.getActiveOutcome(),
                            d.getActiveRule(),
                            d.getActiveReason(),
                            d.getCandidateOutcome(),
                            d.getCandidateRule(),
                            d.getCandidateReason(),
                            d.getObservedAt().toInstant()));
    java.time.OffsetDateTime stopped = row.get(RULE_SHADOW_RUN.STOPPED_AT);
    return Optional.of(
        new ShadowReport(
            runId,
            kind,
            row.get(RULE_SET_VERSION.VERSION),
            row.get(RULE_SHADOW_RUN.MODE),
            row.get(RULE_SHADOW_RUN.STARTED_BY),
            row.get(RULE_SHADOW_RUN.STARTED_AT).toInstant(),
            stopped == null ? null : stopped.toInstant(),
            evaluated,
            differing,
            differences));
  }

  /** Waits until queued live comparisons are done (tests). */
  public void awaitIdle(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while ((executor.getActiveCount() > 0 || !executor.getQueue().isEmpty())
        && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private long insertRun(CompiledRuleSet candidate, String mode, String user) {
    return dsl.insertInto(RULE_SHADOW_RUN)
        .set(RULE_SHADOW_RUN.KIND, candidate.kind().id())
        .set(RULE_SHADOW_RUN.CANDIDATE_VERSION_ID, candidate.versionId())
        .set(RULE_SHADOW_RUN.MODE, mode)
        .set(RULE_SHADOW_RUN.STARTED_BY, user)
        .set(RULE_SHADOW_RUN.STARTED_AT, RuleSetStore.time(clock.instant()))
        .returning(RULE_SHADOW_RUN.ID)
        .fetchOne()
        .getId();
  }

  private void compareOrder(
      long runId, LiveRun run, CompiledRuleSet active, String decisionId, RiskFacts facts) {
    RuleKind kind = run.candidate().kind();
    Answer before = answer(judge.only(kind, active, facts).decision());
    Answer after = answer(judge.only(kind, run.candidate(), facts).decision());
    run.evaluated().incrementAndGet();
    if (before.differs(after)) {
      run.differing().incrementAndGet();
      insertDiff(runId, decisionId, facts.order().id(), before, after);
    }
  }

  private void compareSignal(
      LiveRun run, CompiledRuleSet active, String decisionId, SignalFacts facts) {
    Answer before = answer(judge.signal(active, facts).decision());
    Answer after = answer(judge.signal(run.candidate(), facts).decision());
    run.evaluated().incrementAndGet();
    if (before.differs(after)) {
      run.differing().incrementAndGet();
      insertDiff(
          run.runId(),
          decisionId,
          facts.signal().strategyId() + " " + facts.signal().instrument(),
          before,
          after);
    }
  }

  private static Answer answer(Decision d) {
    return new Answer(
        d.getOutcome().name(),
        d.getRuleName(),
        d.getReason(),
        d.getModifiedQuantity()
            + "/"
            + d.getModifiedLimitPrice()
            + "/"
            + d.getExecutionAlgorithm()
            + "/"
            + d.getRoute());
  }

  private static Answer answer(SignalDecision d) {
    return new Answer(
        d.isDropped() ? "DROPPED" : "ORDER",
        d.getRuleName(),
        d.getReason(),
        d.isDropped()
            ? ""
            : d.getQuantity()
                + "/"
                + d.getPriceType()
                + "/"
                + d.getLimitPrice()
                + "/"
                + d.getProduct());
  }

  private void insertDiff(
      long runId, String decisionId, String subject, Answer before, Answer after) {
    dsl.insertInto(RULE_SHADOW_DIFF)
        .set(RULE_SHADOW_DIFF.RUN_ID, runId)
        .set(RULE_SHADOW_DIFF.DECISION_ID, decisionId)
        .set(RULE_SHADOW_DIFF.SUBJECT, subject.length() > 100 ? subject.substring(0, 100) : subject)
        .set(RULE_SHADOW_DIFF.ACTIVE_OUTCOME, before.outcome())
        .set(RULE_SHADOW_DIFF.ACTIVE_RULE, before.rule())
        .set(RULE_SHADOW_DIFF.ACTIVE_REASON, before.reason())
        .set(RULE_SHADOW_DIFF.CANDIDATE_OUTCOME, after.outcome())
        .set(RULE_SHADOW_DIFF.CANDIDATE_RULE, after.rule())
        .set(RULE_SHADOW_DIFF.CANDIDATE_REASON, after.reason())
        .set(RULE_SHADOW_DIFF.OBSERVED_AT, RuleSetStore.time(clock.instant()))
        .execute();
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

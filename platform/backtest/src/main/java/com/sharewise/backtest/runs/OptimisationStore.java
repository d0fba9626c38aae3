package com.sharewise.backtest.runs;

import static com.sharewise.store.jooq.Tables.OPTIMISATION;
import static com.sharewise.store.jooq.Tables.OPTIMISATION_RESULT;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sharewise.store.jooq.tables.records.OptimisationRecord;
import com.sharewise.store.jooq.tables.records.OptimisationResultRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Optimisations and their evaluated parameter sets in PostgreSQL. Thread-safe. */
final class OptimisationStore {

  /** What the metrics column of a result holds: the metrics, or why the run failed. */
  record Evaluation(Metrics metrics, String error) {}

  private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

  private final DSLContext dsl;
  private final BacktestStore json;

  OptimisationStore(DSLContext dsl, BacktestStore json) {
    this.dsl = dsl;
    this.json = json;
  }

  void insert(OptimisationView view, String method, String rankBy) {
    dsl.insertInto(OPTIMISATION)
        .set(OPTIMISATION.ID, view.id())
        .set(OPTIMISATION.OWNER_ID, view.ownerId())
        .set(OPTIMISATION.STRATEGY, view.request().backtest().strategy())
        .set(OPTIMISATION.METHOD, method)
        .set(OPTIMISATION.RANK_BY, rankBy)
        .set(OPTIMISATION.REQUEST, json.write(view.request()))
        .set(OPTIMISATION.STATUS, view.status().name())
        .set(OPTIMISATION.RUNS, view.runs())
        .set(OPTIMISATION.CREATED_AT, BacktestStore.time(view.createdAt()))
        .execute();
  }

  void started(String id, Instant at) {
    dsl.update(OPTIMISATION)
        .set(OPTIMISATION.STATUS, BacktestStatus.RUNNING.name())
        .set(OPTIMISATION.STARTED_AT, BacktestStore.time(at))
        .where(OPTIMISATION.ID.eq(id))
        .execute();
  }

  void progress(String id, double progress) {
    dsl.update(OPTIMISATION)
        .set(OPTIMISATION.PROGRESS, progress)
        .where(OPTIMISATION.ID.eq(id))
        .execute();
  }

  void finished(
      String id, BacktestStatus status, String error, Map<String, Object> summary, Instant at) {
    var update =
        dsl.update(OPTIMISATION)
            .set(OPTIMISATION.STATUS, status.name())
            .set(OPTIMISATION.ERROR, error == null ? "" : error)
            .set(OPTIMISATION.SUMMARY, summary == null ? null : json.write(summary))
            .set(OPTIMISATION.FINISHED_AT, BacktestStore.time(at));
    if (status == BacktestStatus.DONE) {
      update = update.set(OPTIMISATION.PROGRESS, 1.0);
    }
    update.where(OPTIMISATION.ID.eq(id)).execute();
  }

  /** Stores evaluated parameter sets (numbered on from {@code firstSeq}). */
  void results(String id, int firstSeq, List<OptimisationResult> results) {
    List<Query> rows = new ArrayList<>();
    int seq = firstSeq;
    for (OptimisationResult r : results) {
      rows.add(
          dsl.insertInto(OPTIMISATION_RESULT)
              .set(OPTIMISATION_RESULT.OPTIMISATION_ID, id)
              .set(OPTIMISATION_RESULT.SEQ, seq++)
              .set(OPTIMISATION_RESULT.FOLD, r.fold())
              .set(OPTIMISATION_RESULT.PHASE, r.phase())
              .set(OPTIMISATION_RESULT.PARAMETERS, json.write(r.parameters()))
              .set(OPTIMISATION_RESULT.METRICS, json.write(new Evaluation(r.metrics(), r.error())))
              .set(OPTIMISATION_RESULT.SCORE, r.score())
              .set(OPTIMISATION_RESULT.RANGE_FROM, BacktestStore.time(r.from()))
              .set(OPTIMISATION_RESULT.RANGE_TO, BacktestStore.time(r.to())));
    }
    for (int from = 0; from < rows.size(); from += 1_000) {
      dsl.batch(rows.subList(from, Math.min(rows.size(), from + 1_000))).execute();
    }
  }

  Optional<OptimisationView> find(String id) {
    return dsl.selectFrom(OPTIMISATION)
        .where(OPTIMISATION.ID.eq(id))
        .fetchOptional()
        .map(this::view);
  }

  List<OptimisationView> list(Long ownerId, int limit) {
    var query = dsl.selectFrom(OPTIMISATION).where(org.jooq.impl.DSL.trueCondition());
    if (ownerId != null) {
      query = query.and(OPTIMISATION.OWNER_ID.eq(ownerId));
    }
    return query
        .orderBy(OPTIMISATION.CREATED_AT.desc(), OPTIMISATION.ID.desc())
        .limit(limit)
        .fetch()
        .map(this::view);
  }

  List<String> unfinished() {
    return dsl.select(OPTIMISATION.ID)
        .from(OPTIMISATION)
        .where(OPTIMISATION.STATUS.in(BacktestStatus.QUEUED.name(), BacktestStatus.RUNNING.name()))
        .fetch(OPTIMISATION.ID);
  }

  /**
   * Results ranked best first within each fold and phase (folds in order, in-sample before
   * out-of-sample); undefined scores last.
   */
  List<OptimisationResult> results(String id, int offset, int limit) {
    List<OptimisationResultRecord> rows =
        dsl.selectFrom(OPTIMISATION_RESULT)
            .where(OPTIMISATION_RESULT.OPTIMISATION_ID.eq(id))
            .orderBy(
                OPTIMISATION_RESULT.FOLD,
                OPTIMISATION_RESULT.PHASE,
                OPTIMISATION_RESULT.SCORE.desc().nullsLast(),
                OPTIMISATION_RESULT.SEQ)
            .offset(offset)
            .limit(limit)
            .fetch();
    List<OptimisationResult> out = new ArrayList<>(rows.size());
    int rank = offset;
    String group = null;
    for (OptimisationResultRecord r : rows) {
      String g = r.getFold() + "|" + r.getPhase();
      rank = g.equals(group) ? rank + 1 : (group == null ? offset + 1 : 1);
      group = g;
      Evaluation e = json.read(r.getMetrics(), Evaluation.class);
      out.add(
          new OptimisationResult(
              rank,
              r.getFold(),
              r.getPhase(),
              read(r.getParameters()),
              r.getScore(),
              e.metrics(),
              e.error() == null ? "" : e.error(),
              r.getRangeFrom() == null ? null : r.getRangeFrom().toInstant(),
              r.getRangeTo() == null ? null : r.getRangeTo().toInstant()));
    }
    return out;
  }

  private Map<String, String> read(String text) {
    try {
      return JSON.readValue(text, TEXT_MAP);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("stored parameters are unreadable", e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      com.sharewise.server.JsonMapper.create();

  private OptimisationView view(OptimisationRecord r) {
    Map<String, Object> summary = null;
    if (r.getSummary() != null) {
      try {
        summary = JSON.readValue(r.getSummary(), OBJECT_MAP);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("stored summary is unreadable", e);
      }
    }
    return new OptimisationView(
        r.getId(),
        r.getOwnerId(),
        json.read(r.getRequest(), OptimisationRequest.class),
        BacktestStatus.valueOf(r.getStatus()),
        r.getProgress(),
        r.getRuns(),
        r.getError(),
        summary,
        r.getCreatedAt().toInstant(),
        r.getStartedAt() == null ? null : r.getStartedAt().toInstant(),
        r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant());
  }
}

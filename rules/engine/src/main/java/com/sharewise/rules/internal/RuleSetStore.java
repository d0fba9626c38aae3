package com.sharewise.rules.internal;

import static com.sharewise.store.jooq.Tables.INSTRUMENT_LIMIT;
import static com.sharewise.store.jooq.Tables.RESTRICTED_INSTRUMENT;
import static com.sharewise.store.jooq.Tables.RISK_LIMITS;
import static com.sharewise.store.jooq.Tables.RULE_SCENARIO;
import static com.sharewise.store.jooq.Tables.RULE_SET_ACTIVE;
import static com.sharewise.store.jooq.Tables.RULE_SET_VERSION;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.RuleSetVersion;
import com.sharewise.rules.Scenario;
import com.sharewise.rules.ScenarioResult;
import com.sharewise.rules.VersionStatus;
import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.RestrictedInstrument;
import com.sharewise.store.jooq.tables.records.RuleSetVersionRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The rules area's tables: versions, the active version per kind, scenarios, limits. Writes that
 * must not interleave across nodes (numbering a new version, activating) run in a transaction
 * holding a per-kind advisory lock. Thread-safe.
 */
public final class RuleSetStore {

  private static final long LOCK_BASE = 0x52554C4553000000L; // "RULES"
  private static final TypeReference<List<DrlProblem>> PROBLEMS = new TypeReference<>() {};
  private static final TypeReference<List<ScenarioResult>> RESULTS = new TypeReference<>() {};

  /** A scenario as stored. */
  public record StoredScenario(
      long id, RuleKind kind, Scenario scenario, String author, Instant updatedAt) {}

  private final DSLContext dsl;

  public RuleSetStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Runs {@code work} in a transaction holding {@code kind}'s lock. */
  public <T> T locked(RuleKind kind, Function<DSLContext, T> work) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.execute("select pg_advisory_xact_lock(?)", LOCK_BASE + kind.ordinal());
          return work.apply(tx);
        });
  }

  public List<RuleSetVersion> versions(RuleKind kind) {
    return dsl.selectFrom(RULE_SET_VERSION)
        .where(RULE_SET_VERSION.KIND.eq(kind.id()))
        .orderBy(RULE_SET_VERSION.VERSION.desc())
        .fetch(RuleSetStore::toVersion);
  }

  public Optional<RuleSetVersion> version(RuleKind kind, int version) {
    return version(dsl, kind, version);
  }

  public Optional<RuleSetVersion> version(DSLContext ctx, RuleKind kind, int version) {
    return ctx.selectFrom(RULE_SET_VERSION)
        .where(RULE_SET_VERSION.KIND.eq(kind.id()), RULE_SET_VERSION.VERSION.eq(version))
        .fetchOptional(RuleSetStore::toVersion);
  }

  public Optional<RuleSetVersion> byId(long id) {
    return dsl.selectFrom(RULE_SET_VERSION)
        .where(RULE_SET_VERSION.ID.eq(id))
        .fetchOptional(RuleSetStore::toVersion);
  }

  /** The version {@code kind} runs now, cluster-wide. */
  public Optional<RuleSetVersion> active(RuleKind kind) {
    return active(dsl, kind);
  }

  public Optional<RuleSetVersion> active(DSLContext ctx, RuleKind kind) {
    return ctx.select(RULE_SET_VERSION.fields())
        .from(RULE_SET_ACTIVE)
        .join(RULE_SET_VERSION)
        .on(RULE_SET_VERSION.ID.eq(RULE_SET_ACTIVE.VERSION_ID))
        .where(RULE_SET_ACTIVE.KIND.eq(kind.id()))
        .fetchOptional(r -> toVersion(r.into(RULE_SET_VERSION)));
  }

  /** A version about to be stored. */
  public record Draft(
      RuleKind kind,
      String drl,
      String hash,
      String author,
      String comment,
      VersionStatus status,
      List<DrlProblem> validation,
      List<ScenarioResult> results) {}

  /** Stores a new version numbered after the kind's latest. */
  public RuleSetVersion insert(DSLContext tx, Draft draft, Instant now) {
    RuleKind kind = draft.kind();
    String drl = draft.drl();
    String hash = draft.hash();
    String author = draft.author();
    String comment = draft.comment();
    VersionStatus status = draft.status();
    List<DrlProblem> validation = draft.validation();
    List<ScenarioResult> results = draft.results();
    Integer latest =
        tx.select(DSL.max(RULE_SET_VERSION.VERSION))
            .from(RULE_SET_VERSION)
            .where(RULE_SET_VERSION.KIND.eq(kind.id()))
            .fetchOne(0, Integer.class);
    int number = latest == null ? 1 : latest + 1;
    RuleSetVersionRecord row =
        tx.insertInto(RULE_SET_VERSION)
            .set(RULE_SET_VERSION.KIND, kind.id())
            .set(RULE_SET_VERSION.VERSION, number)
            .set(RULE_SET_VERSION.DRL, drl)
            .set(RULE_SET_VERSION.CONTENT_HASH, hash)
            .set(RULE_SET_VERSION.AUTHOR, author)
            .set(RULE_SET_VERSION.CREATED_AT, time(now))
            .set(RULE_SET_VERSION.COMMENT, comment == null ? "" : comment)
            .set(RULE_SET_VERSION.STATUS, status.name())
            .set(RULE_SET_VERSION.VALIDATION, Json.write(validation))
            .set(RULE_SET_VERSION.SCENARIO_RESULTS, Json.write(results))
            .set(
                RULE_SET_VERSION.SCENARIOS_PASSED,
                results.stream().allMatch(ScenarioResult::passed))
            .returning()
            .fetchOne();
    return toVersion(row);
  }

  public void updateScenarioResults(DSLContext ctx, long id, List<ScenarioResult> results) {
    ctx.update(RULE_SET_VERSION)
        .set(RULE_SET_VERSION.SCENARIO_RESULTS, Json.write(results))
        .set(RULE_SET_VERSION.SCENARIOS_PASSED, results.stream().allMatch(ScenarioResult::passed))
        .where(RULE_SET_VERSION.ID.eq(id))
        .execute();
  }

  public void submitted(DSLContext ctx, long id, String user, Instant now) {
    ctx.update(RULE_SET_VERSION)
        .set(RULE_SET_VERSION.STATUS, VersionStatus.SUBMITTED.name())
        .set(RULE_SET_VERSION.SUBMITTED_BY, user)
        .set(RULE_SET_VERSION.SUBMITTED_AT, time(now))
        .where(RULE_SET_VERSION.ID.eq(id))
        .execute();
  }

  public void reviewed(
      DSLContext ctx, long id, VersionStatus status, String user, String comment, Instant now) {
    ctx.update(RULE_SET_VERSION)
        .set(RULE_SET_VERSION.STATUS, status.name())
        .set(RULE_SET_VERSION.REVIEWED_BY, user)
        .set(RULE_SET_VERSION.REVIEWED_AT, time(now))
        .set(RULE_SET_VERSION.REVIEW_COMMENT, comment == null ? "" : comment)
        .where(RULE_SET_VERSION.ID.eq(id))
        .execute();
  }

  /** Makes {@code id} the active version of {@code kind}; the previous one becomes RETIRED. */
  public void activate(DSLContext tx, RuleKind kind, long id, String user, Instant now) {
    tx.update(RULE_SET_VERSION)
        .set(RULE_SET_VERSION.STATUS, VersionStatus.RETIRED.name())
        .where(
            RULE_SET_VERSION.KIND.eq(kind.id()),
            RULE_SET_VERSION.STATUS.eq(VersionStatus.ACTIVE.name()),
            RULE_SET_VERSION.ID.ne(id))
        .execute();
    tx.update(RULE_SET_VERSION)
        .set(RULE_SET_VERSION.STATUS, VersionStatus.ACTIVE.name())
        .set(RULE_SET_VERSION.ACTIVATED_BY, user)
        .set(RULE_SET_VERSION.ACTIVATED_AT, time(now))
        .where(RULE_SET_VERSION.ID.eq(id))
        .execute();
    tx.insertInto(RULE_SET_ACTIVE)
        .set(RULE_SET_ACTIVE.KIND, kind.id())
        .set(RULE_SET_ACTIVE.VERSION_ID, id)
        .set(RULE_SET_ACTIVE.ACTIVATED_BY, user)
        .set(RULE_SET_ACTIVE.ACTIVATED_AT, time(now))
        .onConflict(RULE_SET_ACTIVE.KIND)
        .doUpdate()
        .set(RULE_SET_ACTIVE.VERSION_ID, id)
        .set(RULE_SET_ACTIVE.ACTIVATED_BY, user)
        .set(RULE_SET_ACTIVE.ACTIVATED_AT, time(now))
        .execute();
  }

  public boolean hasVersions(DSLContext ctx, RuleKind kind) {
    return ctx.fetchExists(RULE_SET_VERSION, RULE_SET_VERSION.KIND.eq(kind.id()));
  }

  // ---- scenarios

  public List<StoredScenario> scenarios(RuleKind kind) {
    return dsl.selectFrom(RULE_SCENARIO)
        .where(RULE_SCENARIO.KIND.eq(kind.id()))
        .orderBy(RULE_SCENARIO.ID)
        .fetch(
            r ->
                new StoredScenario(
                    r.getId(),
                    kind,
                    new Scenario(
                        r.getName(),
                        r.getDescription(),
                        Json.read(r.getGiven(), Scenario.Given.class),
                        Json.read(r.getExpect(), Scenario.Expect.class)),
                    r.getAuthor(),
                    r.getUpdatedAt().toInstant()));
  }

  public void saveScenario(
      DSLContext ctx, RuleKind kind, Scenario scenario, String author, Instant now) {
    ctx.insertInto(RULE_SCENARIO)
        .set(RULE_SCENARIO.KIND, kind.id())
        .set(RULE_SCENARIO.NAME, scenario.name())
        .set(RULE_SCENARIO.DESCRIPTION, scenario.description())
        .set(RULE_SCENARIO.GIVEN, Json.write(scenario.given()))
        .set(RULE_SCENARIO.EXPECT, Json.write(scenario.expect()))
        .set(RULE_SCENARIO.AUTHOR, author)
        .set(RULE_SCENARIO.UPDATED_AT, time(now))
        .onConflict(RULE_SCENARIO.KIND, RULE_SCENARIO.NAME)
        .doUpdate()
        .set(RULE_SCENARIO.DESCRIPTION, scenario.description())
        .set(RULE_SCENARIO.GIVEN, Json.write(scenario.given()))
        .set(RULE_SCENARIO.EXPECT, Json.write(scenario.expect()))
        .set(RULE_SCENARIO.AUTHOR, author)
        .set(RULE_SCENARIO.UPDATED_AT, time(now))
        .execute();
  }

  public boolean deleteScenario(RuleKind kind, String name) {
    return dsl.deleteFrom(RULE_SCENARIO)
            .where(RULE_SCENARIO.KIND.eq(kind.id()), RULE_SCENARIO.NAME.eq(name))
            .execute()
        > 0;
  }

  // ---- limits as data

  public LimitData limitData() {
    Limits defaults = Limits.DEFAULTS;
    List<Limits> accounts = new java.util.ArrayList<>();
    for (var row : dsl.selectFrom(RISK_LIMITS).fetch()) {
      Limits limits = Json.read(row.getLimits(), Limits.class);
      if (Limits.DEFAULT_ACCOUNT.equals(row.getAccountId())) {
        defaults = limits;
      } else {
        accounts.add(limits);
      }
    }
    List<RestrictedInstrument> restricted =
        dsl.selectFrom(RESTRICTED_INSTRUMENT)
            .fetch(r -> new RestrictedInstrument(r.getInstrument(), r.getReason()));
    List<InstrumentLimit> instrumentLimits =
        dsl.selectFrom(INSTRUMENT_LIMIT)
            .fetch(r -> new InstrumentLimit(r.getInstrument(), r.getMaxPositionQuantity()));
    return LimitData.of(defaults, accounts, restricted, instrumentLimits);
  }

  public void putLimits(Limits limits, String user, Instant now) {
    dsl.insertInto(RISK_LIMITS)
        .set(RISK_LIMITS.ACCOUNT_ID, limits.accountId())
        .set(RISK_LIMITS.LIMITS, Json.write(limits))
        .set(RISK_LIMITS.UPDATED_BY, user)
        .set(RISK_LIMITS.UPDATED_AT, time(now))
        .onConflict(RISK_LIMITS.ACCOUNT_ID)
        .doUpdate()
        .set(RISK_LIMITS.LIMITS, Json.write(limits))
        .set(RISK_LIMITS.UPDATED_BY, user)
        .set(RISK_LIMITS.UPDATED_AT, time(now))
        .execute();
  }

  public boolean deleteLimits(String accountId) {
    return dsl.deleteFrom(RISK_LIMITS).where(RISK_LIMITS.ACCOUNT_ID.eq(accountId)).execute() > 0;
  }

  public void putRestricted(RestrictedInstrument restricted, String user, Instant now) {
    dsl.insertInto(RESTRICTED_INSTRUMENT)
        .set(RESTRICTED_INSTRUMENT.INSTRUMENT, restricted.instrument())
        .set(RESTRICTED_INSTRUMENT.REASON, restricted.reason())
        .set(RESTRICTED_INSTRUMENT.ADDED_BY, user)
        .set(RESTRICTED_INSTRUMENT.ADDED_AT, time(now))
        .onConflict(RESTRICTED_INSTRUMENT.INSTRUMENT)
        .doUpdate()
        .set(RESTRICTED_INSTRUMENT.REASON, restricted.reason())
        .set(RESTRICTED_INSTRUMENT.ADDED_BY, user)
        .set(RESTRICTED_INSTRUMENT.ADDED_AT, time(now))
        .execute();
  }

  public boolean deleteRestricted(String instrument) {
    return dsl.deleteFrom(RESTRICTED_INSTRUMENT)
            .where(RESTRICTED_INSTRUMENT.INSTRUMENT.eq(instrument))
            .execute()
        > 0;
  }

  public void putInstrumentLimit(InstrumentLimit limit, String user, Instant now) {
    dsl.insertInto(INSTRUMENT_LIMIT)
        .set(INSTRUMENT_LIMIT.INSTRUMENT, limit.instrument())
        .set(INSTRUMENT_LIMIT.MAX_POSITION_QUANTITY, limit.maxPositionQuantity())
        .set(INSTRUMENT_LIMIT.UPDATED_BY, user)
        .set(INSTRUMENT_LIMIT.UPDATED_AT, time(now))
        .onConflict(INSTRUMENT_LIMIT.INSTRUMENT)
        .doUpdate()
        .set(INSTRUMENT_LIMIT.MAX_POSITION_QUANTITY, limit.maxPositionQuantity())
        .set(INSTRUMENT_LIMIT.UPDATED_BY, user)
        .set(INSTRUMENT_LIMIT.UPDATED_AT, time(now))
        .execute();
  }

  public boolean deleteInstrumentLimit(String instrument) {
    return dsl.deleteFrom(INSTRUMENT_LIMIT)
            .where(INSTRUMENT_LIMIT.INSTRUMENT.eq(instrument))
            .execute()
        > 0;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  static RuleSetVersion toVersion(RuleSetVersionRecord r) {
    try {
      return versionOf(r);
    } catch (IllegalArgumentException e) {
      // stored rows are ours: one that cannot be read is the server's fault, not the caller's
      throw new IllegalStateException(
          "stored " + r.getKind() + " v" + r.getVersion() + " cannot be read: " + e.getMessage(),
          e);
    }
  }

  private static RuleSetVersion versionOf(RuleSetVersionRecord r) {
    return new RuleSetVersion(
        r.getId(),
        RuleKind.parse(r.getKind()),
        r.getVersion(),
        r.getDrl(),
        r.getContentHash(),
        r.getAuthor(),
        instant(r.getCreatedAt()),
        r.getComment(),
        VersionStatus.valueOf(r.getStatus()),
        Json.read(r.getValidation(), PROBLEMS),
        Json.read(r.getScenarioResults(), RESULTS),
        r.getScenariosPassed(),
        r.getSubmittedBy(),
        instant(r.getSubmittedAt()),
        r.getReviewedBy(),
        instant(r.getReviewedAt()),
        r.getReviewComment(),
        r.getActivatedBy(),
        instant(r.getActivatedAt()));
  }
}

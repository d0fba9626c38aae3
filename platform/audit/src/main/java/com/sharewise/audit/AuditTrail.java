package com.sharewise.audit;

import static com.sharewise.store.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The append-only, hash-chained audit log in PostgreSQL.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, so entries from every node form
 * one gapless chain. Each entry's hash is SHA-256 over the previous hash and a canonical text of
 * the entry, so editing or deleting any row (which the database also refuses with a trigger) is
 * found by {@link #verify()}. Thread-safe.
 */
public final class AuditTrail {

  /** The hash before the first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final long APPEND_LOCK = 0x5348415245574953L; // "SHAREWIS"
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DSLContext dsl;
  private final Clock clock;

  public AuditTrail(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** Appends a record and returns it with its sequence number and hash. */
  public AuditEntry append(AuditRecord record) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.execute("select pg_advisory_xact_lock(?)", APPEND_LOCK);
          Record last =
              tx.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH)
                  .from(AUDIT_LOG)
                  .orderBy(AUDIT_LOG.SEQ.desc())
                  .limit(1)
                  .fetchOne();
          long seq = last == null ? 1 : last.get(AUDIT_LOG.SEQ) + 1;
          String prevHash = last == null ? GENESIS : last.get(AUDIT_LOG.HASH);
          // Microseconds: what PostgreSQL keeps, so the hash verifies after a round trip.
          Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
          String detail = canonicalDetail(record.detail());
          String hash = hash(prevHash, seq, at, record, detail);
          tx.insertInto(AUDIT_LOG)
              .set(AUDIT_LOG.SEQ, seq)
              .set(AUDIT_LOG.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
              .set(AUDIT_LOG.ACTOR, record.actor())
              .set(AUDIT_LOG.ACTION, record.action())
              .set(AUDIT_LOG.TARGET_TYPE, record.targetType())
              .set(AUDIT_LOG.TARGET_ID, record.targetId())
              .set(AUDIT_LOG.DETAIL, detail)
              .set(AUDIT_LOG.PREV_HASH, prevHash)
              .set(AUDIT_LOG.HASH, hash)
              .execute();
          return new AuditEntry(seq, at, record, hash);
        });
  }

  /** Entries matching {@code query}, newest first. */
  public List<AuditEntry> find(AuditQuery query) {
    List<Condition> where = new ArrayList<>();
    if (query.actor() != null) {
      where.add(AUDIT_LOG.ACTOR.eq(query.actor()));
    }
    if (query.action() != null) {
      where.add(AUDIT_LOG.ACTION.eq(query.action()));
    }
    if (query.targetType() != null) {
      where.add(AUDIT_LOG.TARGET_TYPE.eq(query.targetType()));
    }
    if (query.targetId() != null) {
      where.add(AUDIT_LOG.TARGET_ID.eq(query.targetId()));
    }
    if (query.from() != null) {
      where.add(AUDIT_LOG.OCCURRED_AT.ge(query.from().atOffset(ZoneOffset.UTC)));
    }
    if (query.to() != null) {
      where.add(AUDIT_LOG.OCCURRED_AT.lt(query.to().atOffset(ZoneOffset.UTC)));
    }
    if (query.beforeSeq() != null) {
      where.add(AUDIT_LOG.SEQ.lt(query.beforeSeq()));
    }
    return dsl.select(
            AUDIT_LOG.SEQ,
            AUDIT_LOG.OCCURRED_AT,
            AUDIT_LOG.ACTOR,
            AUDIT_LOG.ACTION,
            AUDIT_LOG.TARGET_TYPE,
            AUDIT_LOG.TARGET_ID,
            AUDIT_LOG.DETAIL,
            AUDIT_LOG.HASH)
        .from(AUDIT_LOG)
        .where(where)
        .orderBy(AUDIT_LOG.SEQ.desc())
        .limit(query.limit())
        .fetch(AuditTrail::toEntry);
  }

  /**
   * Recomputes the whole chain in order. Reads in pages, so it works on logs of any length.
   *
   * @return whether the chain is intact and, if not, the first entry that is not
   */
  public Verification verify() {
    String prevHash = GENESIS;
    long expectedSeq = 1;
    while (true) {
      List<? extends Record> page =
          dsl.select(
                  AUDIT_LOG.SEQ,
                  AUDIT_LOG.OCCURRED_AT,
                  AUDIT_LOG.ACTOR,
                  AUDIT_LOG.ACTION,
                  AUDIT_LOG.TARGET_TYPE,
                  AUDIT_LOG.TARGET_ID,
                  AUDIT_LOG.DETAIL,
                  AUDIT_LOG.PREV_HASH,
                  AUDIT_LOG.HASH)
              .from(AUDIT_LOG)
              .where(AUDIT_LOG.SEQ.ge(expectedSeq))
              .orderBy(AUDIT_LOG.SEQ)
              .limit(5000)
              .fetch();
      if (page.isEmpty()) {
        long count = expectedSeq - 1;
        return new Verification(true, count, null, count + " entries, chain intact");
      }
      for (Record row : page) {
        long seq = row.get(AUDIT_LOG.SEQ);
        if (seq != expectedSeq) {
          return broken(expectedSeq, "entry " + expectedSeq + " is missing");
        }
        AuditEntry entry = toEntry(row);
        String recomputed =
            hash(prevHash, seq, entry.occurredAt(), entry.record(), row.get(AUDIT_LOG.DETAIL));
        if (!row.get(AUDIT_LOG.PREV_HASH).equals(prevHash)
            || !recomputed.equals(row.get(AUDIT_LOG.HASH))) {
          return broken(
              seq, "entry " + seq + " does not match its hash: it or an earlier entry was altered");
        }
        prevHash = row.get(AUDIT_LOG.HASH);
        expectedSeq++;
      }
    }
  }

  private static Verification broken(long seq, String detail) {
    return new Verification(false, seq - 1, seq, detail);
  }

  private static AuditEntry toEntry(Record row) {
    Map<String, String> detail;
    try {
      detail =
          JSON.readValue(
              row.get(AUDIT_LOG.DETAIL),
              JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "audit entry " + row.get(AUDIT_LOG.SEQ) + " has unreadable detail", e);
    }
    AuditRecord record =
        new AuditRecord(
            row.get(AUDIT_LOG.ACTOR),
            row.get(AUDIT_LOG.ACTION),
            row.get(AUDIT_LOG.TARGET_TYPE),
            row.get(AUDIT_LOG.TARGET_ID),
            detail);
    return new AuditEntry(
        row.get(AUDIT_LOG.SEQ),
        row.get(AUDIT_LOG.OCCURRED_AT).toInstant(),
        record,
        row.get(AUDIT_LOG.HASH));
  }

  static String canonicalDetail(Map<String, String> detail) {
    try {
      return JSON.writeValueAsString(new java.util.TreeMap<>(detail));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail cannot be written as JSON", e);
    }
  }

  static String hash(String prevHash, long seq, Instant at, AuditRecord record, String detail) {
    String canonical =
        String.join(
            "\u001f",
            prevHash,
            Long.toString(seq),
            at.toString(),
            record.actor(),
            record.action(),
            record.targetType(),
            record.targetId(),
            detail);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}

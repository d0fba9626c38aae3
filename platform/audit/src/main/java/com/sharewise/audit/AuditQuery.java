package com.sharewise.audit;

import java.time.Instant;

/**
 * Filters for reading the audit log; null fields do not filter. Results are newest first.
 *
 * @param actor exact user name
 * @param action exact action
 * @param targetType exact target kind
 * @param targetId exact target id
 * @param from inclusive lower time bound
 * @param to exclusive upper time bound
 * @param beforeSeq only entries older than this sequence number (for paging)
 * @param limit at most this many (1..1000)
 */
public record AuditQuery(
    String actor,
    String action,
    String targetType,
    String targetId,
    Instant from,
    Instant to,
    Long beforeSeq,
    int limit) {

  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  /** The newest {@code limit} entries about one object. */
  public static AuditQuery forTarget(String targetType, String targetId, int limit) {
    return new AuditQuery(null, null, targetType, targetId, null, null, null, limit);
  }
}

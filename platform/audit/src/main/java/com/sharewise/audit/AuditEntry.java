package com.sharewise.audit;

import java.time.Instant;

/**
 * A stored audit record with its place in the chain.
 *
 * @param seq position in the log, gapless from 1
 * @param occurredAt when it was recorded (platform clock)
 * @param record what happened
 * @param hash SHA-256 (hex) over the previous entry's hash and this entry's content
 */
public record AuditEntry(long seq, Instant occurredAt, AuditRecord record, String hash) {}

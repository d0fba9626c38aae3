package com.sharewise.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something that happened and must be traceable: who did what to which object.
 *
 * @param actor the user name, or {@code system} for the platform's own actions
 * @param action what happened, upper snake case, e.g. {@code RULESET_APPROVED}, {@code
 *     LOGIN_FAILED}
 * @param targetType the kind of object, e.g. {@code ruleset}, {@code plugin}, {@code order}
 * @param targetId the object's id
 * @param detail further facts (versions, reasons); never secrets. Stored sorted by key.
 */
public record AuditRecord(
    String actor, String action, String targetType, String targetId, Map<String, String> detail) {

  /** The actor name for actions the platform takes by itself. */
  public static final String SYSTEM = "system";

  public AuditRecord {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(targetId, "targetId");
    detail =
        detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(detail));
  }
}

package com.sharewise.rules;

/**
 * Where a rule-set version is in its life: DRAFT → SUBMITTED → APPROVED → ACTIVE → RETIRED, or
 * SUBMITTED → REJECTED. A draft whose scenarios fail cannot be submitted; only an approved (or a
 * retired, once approved) version can be activated.
 */
public enum VersionStatus {
  DRAFT,
  SUBMITTED,
  APPROVED,
  REJECTED,
  ACTIVE,
  RETIRED;

  /** Whether the version was approved at some point and may run again. */
  public boolean approvedOnce() {
    return this == APPROVED || this == ACTIVE || this == RETIRED;
  }
}

package com.sharewise.rules;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of a rule set.
 *
 * @param id database id
 * @param kind which rule set
 * @param version number within the kind, from 1
 * @param drl the rules
 * @param contentHash SHA-256 (hex) of the DRL
 * @param author who wrote it
 * @param createdAt when
 * @param comment the author's note
 * @param status where it is in its life
 * @param validation warnings found when it was compiled (errors never get stored)
 * @param scenarioResults the kind's scenarios, run at the latest check
 * @param scenariosPassed whether every scenario passed
 * @param submittedBy who submitted it for approval
 * @param submittedAt when
 * @param reviewedBy who approved or rejected it
 * @param reviewedAt when
 * @param reviewComment the reviewer's note
 * @param activatedBy who last activated it
 * @param activatedAt when
 */
public record RuleSetVersion(
    long id,
    RuleKind kind,
    int version,
    String drl,
    String contentHash,
    String author,
    Instant createdAt,
    String comment,
    VersionStatus status,
    List<DrlProblem> validation,
    List<ScenarioResult> scenarioResults,
    boolean scenariosPassed,
    String submittedBy,
    Instant submittedAt,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    String activatedBy,
    Instant activatedAt) {

  /** {@code risk v3}. */
  public String label() {
    return kind.id() + " v" + version;
  }
}

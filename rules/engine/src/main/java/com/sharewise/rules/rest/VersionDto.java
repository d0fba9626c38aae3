package com.sharewise.rules.rest;

import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.RuleSetVersion;
import com.sharewise.rules.ScenarioResult;
import java.time.Instant;
import java.util.List;

/** A rule-set version on the wire; {@code drl} is left out of lists. */
public record VersionDto(
    String kind,
    int version,
    String status,
    String author,
    Instant createdAt,
    String comment,
    String contentHash,
    boolean scenariosPassed,
    List<DrlProblem> validation,
    List<ScenarioResult> scenarioResults,
    String submittedBy,
    Instant submittedAt,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    String activatedBy,
    Instant activatedAt,
    String drl) {

  static VersionDto full(RuleSetVersion v) {
    return of(v, v.drl(), v.scenarioResults());
  }

  static VersionDto summary(RuleSetVersion v) {
    return of(v, null, null);
  }

  private static VersionDto of(RuleSetVersion v, String drl, List<ScenarioResult> results) {
    return new VersionDto(
        v.kind().id(),
        v.version(),
        v.status().name(),
        v.author(),
        v.createdAt(),
        v.comment(),
        v.contentHash(),
        v.scenariosPassed(),
        v.validation(),
        results,
        v.submittedBy(),
        v.submittedAt(),
        v.reviewedBy(),
        v.reviewedAt(),
        v.reviewComment(),
        v.activatedBy(),
        v.activatedAt(),
        drl);
  }
}

package com.sharewise.rules;

import java.time.Instant;
import java.util.List;

/**
 * A shadow run: a candidate version judged beside the active one, and every decision that would
 * have differed.
 *
 * @param runId the run
 * @param kind which rule set
 * @param candidateVersion the candidate's version number
 * @param mode {@code LIVE} (beside live order intents) or {@code REPLAY} (over stored decisions)
 * @param startedBy who started it
 * @param startedAt when
 * @param stoppedAt when it stopped (null while a live run goes on)
 * @param evaluated decisions judged by both
 * @param differing decisions where they disagreed
 * @param differences the disagreements, oldest first (at most the page asked for)
 */
public record ShadowReport(
    long runId,
    RuleKind kind,
    int candidateVersion,
    String mode,
    String startedBy,
    Instant startedAt,
    Instant stoppedAt,
    long evaluated,
    long differing,
    List<Difference> differences) {

  /**
   * One decision the candidate would have taken differently.
   *
   * @param decisionId the live (or replayed) decision
   * @param subject the order intent or signal it was about
   * @param activeOutcome what the active version decided
   * @param activeRule its deciding rule
   * @param activeReason its reason
   * @param candidateOutcome what the candidate decided
   * @param candidateRule its deciding rule
   * @param candidateReason its reason
   * @param observedAt when the comparison ran
   */
  public record Difference(
      String decisionId,
      String subject,
      String activeOutcome,
      String activeRule,
      String activeReason,
      String candidateOutcome,
      String candidateRule,
      String candidateReason,
      Instant observedAt) {}
}

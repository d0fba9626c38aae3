package com.sharewise.rules;

import java.time.Instant;
import java.util.List;

/**
 * Past decisions with the facts they were taken on: what shadow mode replays a candidate rule set
 * over. The rules area provides one over its own decision log; the order area may provide one over
 * its order journal.
 */
public interface DecisionHistory {

  /**
   * A decision as recorded.
   *
   * @param decisionId its id
   * @param subject the order intent's id (or the signal's subject)
   * @param decidedAt when
   * @param factsJson the facts the rules saw, as JSON (the {@code facts} of an explanation)
   */
  record RecordedDecision(String decisionId, String subject, Instant decidedAt, String factsJson) {}

  /**
   * Decisions of one family ({@code risk} — risk and workflow — or {@code signal}) taken in {@code
   * [from, to)}, oldest first, at most {@code limit}.
   */
  List<RecordedDecision> decisions(String family, Instant from, Instant to, int limit);
}

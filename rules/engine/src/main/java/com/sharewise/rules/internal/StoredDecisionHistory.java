package com.sharewise.rules.internal;

import static com.sharewise.store.jooq.Tables.RULE_DECISION;

import com.sharewise.rules.DecisionHistory;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** The rules area's own decision log as a {@link DecisionHistory}. Thread-safe. */
public final class StoredDecisionHistory implements DecisionHistory {

  private final DSLContext dsl;

  public StoredDecisionHistory(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<RecordedDecision> decisions(String family, Instant from, Instant to, int limit) {
    return dsl.select(
            RULE_DECISION.ID, RULE_DECISION.SUBJECT, RULE_DECISION.DECIDED_AT, RULE_DECISION.FACTS)
        .from(RULE_DECISION)
        .where(
            RULE_DECISION.KIND.eq(family),
            RULE_DECISION.DECIDED_AT.ge(RuleSetStore.time(from)),
            RULE_DECISION.DECIDED_AT.lt(RuleSetStore.time(to)))
        .orderBy(RULE_DECISION.DECIDED_AT, RULE_DECISION.ID)
        .limit(limit)
        .fetch(
            r -> new RecordedDecision(r.value1(), r.value2(), r.value3().toInstant(), r.value4()));
  }
}

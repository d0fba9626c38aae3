package com.sharewise.rules.internal;

import com.sharewise.rules.RuleKind;
import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled, ready-to-run rule set: a knowledge base and a pool of sessions on it. Immutable once
 * built, so evaluations on several threads share it; an evaluation that captured it keeps using it
 * even after another version replaced it.
 *
 * @param kind which rule set
 * @param versionId the database id of the version (0 for a scenario dry run of unsaved DRL)
 * @param version the version number within its kind
 * @param contentHash SHA-256 of the version's DRL
 * @param plugins ids of plugins whose rule resources are compiled in
 * @param ruleNames every rule's name
 * @param kieBase the knowledge base
 * @param sessions pooled sessions on it
 * @param matchedTypes which classes of fact its rules can match (others are not inserted)
 * @param compiledAt when compilation finished
 * @param compileMillis how long compiling took
 */
public record CompiledRuleSet(
    RuleKind kind,
    long versionId,
    int version,
    String contentHash,
    List<String> plugins,
    List<String> ruleNames,
    KieBase kieBase,
    RuleSessions sessions,
    MatchedTypes matchedTypes,
    Instant compiledAt,
    long compileMillis) {

  /** {@code risk v3}, for logs and explanations. */
  public String label() {
    return kind.id() + " v" + version;
  }
}

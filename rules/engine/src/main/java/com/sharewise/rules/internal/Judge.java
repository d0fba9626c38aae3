package com.sharewise.rules.internal;

import com.sharewise.rules.RuleKind;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.SignalDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs compiled rule sets over resolved facts and turns the runs into answers, failing closed.
 * Stateless apart from its {@link Evaluator}; thread-safe.
 */
public final class Judge {

  /**
   * An order's answer.
   *
   * @param decision the decision the rules (or the fail-closed path) filled in
   * @param versions rule-set versions used, by kind id
   * @param fired rules fired, in order
   * @param nanos time in the rules
   */
  public record JudgedOrder(
      Decision decision, Map<String, Integer> versions, List<String> fired, long nanos) {

    /** The answer the order path gets, under {@code decisionId} (empty when not recorded). */
    public Verdict verdict(String decisionId) {
      return new Verdict(
          decisionId,
          decision.getOutcome(),
          decision.getReason(),
          decision.getRuleName(),
          decision.getModifiedQuantity(),
          decision.getModifiedLimitPrice(),
          decision.getExecutionAlgorithm(),
          decision.getRoute(),
          decision.getFindings(),
          versions,
          fired,
          nanos);
    }
  }

  /** A signal's answer; {@code intent} is empty when the signal was dropped. */
  public record JudgedSignal(
      SignalDecision decision,
      Optional<OrderIntent> intent,
      Map<String, Integer> versions,
      List<String> fired,
      long nanos) {

    /** The answer the signal router gets, under {@code decisionId} (empty when not recorded). */
    public SignalVerdict verdict(String decisionId) {
      return new SignalVerdict(
          decisionId,
          intent,
          decision.getReason(),
          decision.getRuleName(),
          decision.getFindings(),
          versions,
          fired,
          nanos);
    }
  }

  private final Evaluator evaluator;

  public Judge(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Risk rules, then (unless they rejected) workflow rules, on one decision. */
  public JudgedOrder order(CompiledRuleSet risk, CompiledRuleSet workflow, RiskFacts facts) {
    Decision decision = new Decision(facts.account().broker());
    Map<String, Integer> versions = new LinkedHashMap<>(4);
    List<String> fired = new ArrayList<>(4);
    Object[] array = new Object[facts.size()];
    int count = facts.fill(array, decision);
    long nanos = stage(RuleKind.RISK, risk, decision, array, count, versions, fired);
    if (!decision.isRejected()) {
      nanos += stage(RuleKind.WORKFLOW, workflow, decision, array, count, versions, fired);
    }
    return new JudgedOrder(decision, versions, fired, nanos);
  }

  /** One rule set alone (scenarios of one kind, shadow comparisons). */
  public JudgedOrder only(RuleKind kind, CompiledRuleSet set, RiskFacts facts) {
    Decision decision = new Decision(facts.account().broker());
    Map<String, Integer> versions = new LinkedHashMap<>(2);
    List<String> fired = new ArrayList<>(4);
    Object[] array = new Object[facts.size()];
    int count = facts.fill(array, decision);
    long nanos = stage(kind, set, decision, array, count, versions, fired);
    return new JudgedOrder(decision, versions, fired, nanos);
  }

  private long stage(
      RuleKind kind,
      CompiledRuleSet set,
      Decision decision,
      Object[] facts,
      int count,
      Map<String, Integer> versions,
      List<String> fired) {
    if (set == null) {
      decision.failClosed(
          Evaluator.NO_RULE_SET, "no active " + kind.id() + " rule set: the order is rejected");
      return 0;
    }
    versions.put(kind.id(), set.version());
    Evaluator.Run run = evaluator.run(set, decision, facts, count);
    fired.addAll(run.fired());
    if (run.failed()) {
      decision.failClosed(run.failureCause(), run.failureDetail());
    }
    return run.nanos();
  }

  public JudgedSignal signal(CompiledRuleSet set, SignalFacts facts) {
    SignalDecision decision = new SignalDecision();
    Map<String, Integer> versions = new LinkedHashMap<>(2);
    if (set == null) {
      decision.enterRule(Evaluator.NO_RULE_SET);
      decision.drop("no active signal rule set: the signal is dropped");
      return new JudgedSignal(decision, Optional.empty(), versions, List.of(), 0);
    }
    versions.put(RuleKind.SIGNAL.id(), set.version());
    Object[] array = facts.toArray(decision);
    Evaluator.Run run = evaluator.run(set, decision, array, array.length);
    if (run.failed()) {
      decision.enterRule(run.failureCause());
      decision.drop(run.failureDetail());
    } else if (!decision.isDropped() && decision.getQuantity() <= 0) {
      decision.enterRule("unsized");
      decision.drop("no rule sized the order");
    }
    Optional<OrderIntent> intent =
        decision.isDropped() ? Optional.empty() : Optional.of(intentOf(facts, decision));
    return new JudgedSignal(decision, intent, versions, run.fired(), run.nanos());
  }

  private static OrderIntent intentOf(SignalFacts facts, SignalDecision decision) {
    boolean limit = decision.getPriceType() == PriceType.LIMIT;
    double reference =
        limit
            ? decision.getLimitPrice()
            : facts.quote().lastPrice() > 0 ? facts.quote().lastPrice() : facts.signal().price();
    return new OrderIntent(
        "",
        facts.signal().accountId(),
        facts.signal().instrument(),
        facts.signal().side(),
        decision.getQuantity(),
        decision.getPriceType(),
        limit ? decision.getLimitPrice() : 0,
        0,
        decision.getProduct(),
        facts.signal().strategyId(),
        reference);
  }
}

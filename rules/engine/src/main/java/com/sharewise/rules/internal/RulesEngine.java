package com.sharewise.rules.internal;

import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.SignalDecision;
import com.sharewise.rules.model.SignalFact;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gates the order and strategy areas call: capture the active rule sets once, resolve facts,
 * judge, record the explanation, let shadow mode look. Fails closed on anything unexpected.
 * Thread-safe.
 */
public final class RulesEngine implements RiskGate, SignalGate {

  private final ActiveRuleSets active;
  private final FactResolver resolver;
  private final Judge judge;
  private final DecisionRecorder recorder;
  private final ShadowMode shadow;
  private final Clock clock;

  public RulesEngine(
      ActiveRuleSets active,
      FactResolver resolver,
      Judge judge,
      DecisionRecorder recorder,
      ShadowMode shadow,
      Clock clock) {
    this.active = active;
    this.resolver = resolver;
    this.judge = judge;
    this.recorder = recorder;
    this.shadow = shadow;
    this.clock = clock;
  }

  @Override
  public Verdict evaluate(OrderIntent intent, RiskContext context) {
    // captured once: this evaluation finishes on these versions whatever is activated meanwhile
    CompiledRuleSet risk = active.get(RuleKind.RISK);
    CompiledRuleSet workflow = active.get(RuleKind.WORKFLOW);
    String id = recorder.nextId();
    RiskFacts facts;
    Judge.JudgedOrder judged;
    try {
      facts = resolver.risk(intent, context == null ? RiskContext.empty() : context);
      judged = judge.order(risk, workflow, facts);
    } catch (RuntimeException e) {
      Decision failed = new Decision();
      failed.failClosed(
          Evaluator.ENGINE_ERROR, "the facts for this order could not be built: " + e.getMessage());
      return new Judge.JudgedOrder(failed, Map.of(), List.of(), 0).verdict(id);
    }
    Decision d = judged.decision();
    recorder.record(
        new DecisionRecorder.Pending(
            id,
            "risk",
            intent.id(),
            intent.accountId(),
            clock.instant(),
            d.getOutcome().name(),
            d.getRuleName(),
            d.getReason(),
            judged.versions(),
            judged.fired(),
            facts,
            d,
            judged.nanos() / 1000));
    if (shadow != null) {
      shadow.observeOrder(id, facts, risk, workflow);
    }
    return judged.verdict(id);
  }

  @Override
  public SignalVerdict evaluate(SignalFact signal, SignalContext context) {
    CompiledRuleSet set = active.get(RuleKind.SIGNAL);
    String id = recorder.nextId();
    SignalFacts facts;
    Judge.JudgedSignal judged;
    try {
      facts = resolver.signal(signal, context == null ? SignalContext.empty() : context);
      judged = judge.signal(set, facts);
    } catch (RuntimeException e) {
      SignalDecision failed = new SignalDecision();
      failed.enterRule(Evaluator.ENGINE_ERROR);
      failed.drop("the facts for this signal could not be built: " + e.getMessage());
      return new Judge.JudgedSignal(failed, Optional.empty(), Map.of(), List.of(), 0).verdict(id);
    }
    SignalDecision d = judged.decision();
    recorder.record(
        new DecisionRecorder.Pending(
            id,
            "signal",
            signal.strategyId() + " " + signal.instrument(),
            signal.accountId(),
            clock.instant(),
            d.isDropped() ? "DROPPED" : "ORDER",
            d.getRuleName(),
            d.getReason(),
            judged.versions(),
            judged.fired(),
            facts,
            d,
            judged.nanos() / 1000));
    if (shadow != null) {
      shadow.observeSignal(id, facts, set);
    }
    return judged.verdict(id);
  }

  @Override
  public Optional<Explanation> explain(String decisionId) {
    return recorder.explain(decisionId);
  }
}

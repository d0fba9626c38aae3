package com.sharewise.backtest;

import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.FactResolver;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.LimitData;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.SignalDecision;
import com.sharewise.rules.model.SignalFact;
import com.sharewise.rules.packs.DefaultPacks;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The default signal, risk and workflow packs compiled and judged by the rules engine's own
 * compiler, fact resolver and judge, with the default limits: what the node's {@code RulesEngine}
 * does for every signal and order, minus the asynchronous decision log (which needs the database).
 * The time budget is generous so a slow test machine never fails an order closed.
 */
final class DefaultPackGates implements SignalGate, RiskGate {

  private final CompiledRuleSet signal;
  private final CompiledRuleSet risk;
  private final CompiledRuleSet workflow;
  private final Judge judge = new Judge(new Evaluator(new Evaluator.Budget(1000, 10_000_000_000L)));
  private final FactResolver resolver =
      new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());

  DefaultPackGates() {
    DrlCompiler compiler = new DrlCompiler(Clock.systemUTC(), 4);
    this.signal = compile(compiler, RuleKind.SIGNAL);
    this.risk = compile(compiler, RuleKind.RISK);
    this.workflow = compile(compiler, RuleKind.WORKFLOW);
  }

  BacktestGates gates() {
    return new BacktestGates(this, this);
  }

  private static CompiledRuleSet compile(DrlCompiler compiler, RuleKind kind) {
    CompileResult compiled =
        compiler.compile(
            kind,
            1,
            1,
            "",
            List.of(new RuleSource(RuleSource.RULESET, DefaultPacks.of(kind.id()).drl())),
            List.of());
    if (!compiled.ok()) {
      throw new IllegalStateException(
          "the default " + kind.id() + " pack does not compile: " + compiled.errors());
    }
    return compiled.compiled();
  }

  @Override
  public SignalVerdict evaluate(SignalFact fact, SignalContext context) {
    Judge.JudgedSignal judged = judge.signal(signal, resolver.signal(fact, context));
    SignalDecision d = judged.decision();
    return new SignalVerdict(
        "",
        judged.intent(),
        d.getReason(),
        d.getRuleName(),
        d.getFindings(),
        judged.versions(),
        judged.fired(),
        judged.nanos());
  }

  @Override
  public Verdict evaluate(OrderIntent intent, RiskContext context) {
    Judge.JudgedOrder judged = judge.order(risk, workflow, resolver.risk(intent, context));
    Decision d = judged.decision();
    return new Verdict(
        "",
        d.getOutcome(),
        d.getReason(),
        d.getRuleName(),
        d.getModifiedQuantity(),
        d.getModifiedLimitPrice(),
        d.getExecutionAlgorithm(),
        d.getRoute(),
        d.getFindings(),
        judged.versions(),
        judged.fired(),
        judged.nanos());
  }

  @Override
  public Optional<Explanation> explain(String decisionId) {
    return Optional.empty();
  }
}

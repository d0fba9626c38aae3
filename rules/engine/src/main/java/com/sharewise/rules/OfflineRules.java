package com.sharewise.rules;

import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.FactResolver;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.LimitData;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.SignalFact;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signal, risk and workflow rule sets compiled from DRL and judged without a database: what the
 * node's engine does for every signal and order — the same compiler, fact resolution, judge and
 * fail-closed budgets — minus what needs the store (versions, limits edited by risk officers,
 * holidays, the decision log, explanations). Limits are the fact model's defaults. For the command
 * line backtest, which runs beside or without a node, and for tests and benchmarks of the rules'
 * effect on the order path. Thread-safe.
 */
public final class OfflineRules implements SignalGate, RiskGate {

  private final CompiledRuleSet signal;
  private final CompiledRuleSet risk;
  private final CompiledRuleSet workflow;
  private final Judge judge;
  private final FactResolver resolver;

  private OfflineRules(Map<RuleKind, CompiledRuleSet> sets, Judge judge, Clock clock) {
    this.signal = sets.get(RuleKind.SIGNAL);
    this.risk = sets.get(RuleKind.RISK);
    this.workflow = sets.get(RuleKind.WORKFLOW);
    this.judge = judge;
    this.resolver = new FactResolver(LimitData::defaultsOnly, clock, Set.of());
  }

  /**
   * Compiles one rule set of each kind.
   *
   * @param drl the DRL of each kind; all three are needed
   * @param timeBudget longest one evaluation may take before it fails closed (a backtest on a busy
   *     machine wants more than live trading's default)
   * @param clock the time the market clock fact shows when a caller's context brings none
   * @throws RuleSetException ({@link RuleSetException.Reason#INVALID_DRL}) naming the kind and its
   *     problems if one does not compile
   */
  public static OfflineRules compile(Map<RuleKind, String> drl, Duration timeBudget, Clock clock) {
    DrlCompiler compiler = new DrlCompiler(clock, Runtime.getRuntime().availableProcessors());
    Map<RuleKind, CompiledRuleSet> sets = new EnumMap<>(RuleKind.class);
    for (RuleKind kind : RuleKind.values()) {
      String source = drl.get(kind);
      if (source == null) {
        throw new RuleSetException(
            RuleSetException.Reason.INVALID_REQUEST, "no " + kind.id() + " rules given");
      }
      CompileResult compiled =
          compiler.compile(
              kind, 1, 1, "", List.of(new RuleSource(RuleSource.RULESET, source)), List.of());
      if (!compiled.ok()) {
        throw new RuleSetException(
            RuleSetException.Reason.INVALID_DRL,
            "the " + kind.id() + " rules do not compile: " + compiled.errors(),
            compiled.errors());
      }
      sets.put(kind, compiled.compiled());
    }
    Judge judge = new Judge(new Evaluator(new Evaluator.Budget(1000, timeBudget.toNanos())));
    return new OfflineRules(sets, judge, clock);
  }

  @Override
  public SignalVerdict evaluate(SignalFact fact, SignalContext context) {
    return judge.signal(signal, resolver.signal(fact, context)).verdict("");
  }

  @Override
  public Verdict evaluate(OrderIntent intent, RiskContext context) {
    return judge.order(risk, workflow, resolver.risk(intent, context)).verdict("");
  }

  /** Always empty: offline decisions are not logged, so there is nothing to explain later. */
  @Override
  public Optional<Explanation> explain(String decisionId) {
    return Optional.empty();
  }
}

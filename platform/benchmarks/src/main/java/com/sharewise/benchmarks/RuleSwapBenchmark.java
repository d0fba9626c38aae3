package com.sharewise.benchmarks;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.internal.ActiveRuleSets;
import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DecisionRecorder;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.FactResolver;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.LimitData;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.internal.RulesEngine;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.packs.DefaultPacks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compile-and-swap of a 100-rule risk set (goal: active within 2 s of approval), then swaps under
 * load: two threads send orders through the gate while the active version is swapped back and
 * forth; every order must get exactly one verdict, on exactly one version (none lost, none judged
 * twice).
 */
final class RuleSwapBenchmark implements Benchmark {

  private static final int COMPILES = 12;
  private static final int WARMUP_COMPILES = 3;
  private static final int SWAPS = 20;

  @Override
  public String name() {
    return "rules.swap";
  }

  @Override
  public void run(Results results) throws Exception {
    DrlCompiler compiler = new DrlCompiler(Clock.systemUTC(), 4);
    List<Long> compileNanos = new ArrayList<>();
    CompiledRuleSet last = null;
    ActiveRuleSets active = new ActiveRuleSets();
    for (int i = 0; i < WARMUP_COMPILES + COMPILES; i++) {
      long start = System.nanoTime();
      CompileResult result =
          compiler.compile(
              RuleKind.RISK,
              i + 1,
              i + 1,
              "",
              List.of(new RuleSource(RuleSource.RULESET, hundredRules(i))),
              List.of());
      if (!result.ok()) {
        throw new IllegalStateException("100-rule set does not compile: " + result.errors());
      }
      active.swap(result.compiled());
      if (i >= WARMUP_COMPILES) {
        compileNanos.add(System.nanoTime() - start);
      }
      last = result.compiled();
    }
    results.add(
        "rules.swap.compile100",
        "100-rule risk set: check + compile + swap (goal ≤ 2000 ms)",
        Stats.ofNanos(compileNanos));
    if (last.ruleNames().size() != 100) {
      throw new IllegalStateException("expected 100 rules, got " + last.ruleNames().size());
    }

    CompiledRuleSet v1 = compile(compiler, 1, DefaultPacks.of("risk").drl());
    CompiledRuleSet v2 = compile(compiler, 2, DefaultPacks.of("risk").drl());
    CompiledRuleSet workflow =
        compile(compiler, RuleKind.WORKFLOW, 1, DefaultPacks.of("workflow").drl());
    ActiveRuleSets running = new ActiveRuleSets();
    running.swap(v1);
    running.swap(workflow);
    RulesEngine gate =
        new RulesEngine(
            running,
            new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of()),
            new Judge(new Evaluator(new Evaluator.Budget(1000, 50_000_000L))),
            new DecisionRecorder(null, 16),
            null,
            Clock.systemUTC());
    AtomicLong submitted = new AtomicLong();
    AtomicLong verdicts = new AtomicLong();
    AtomicLong badVersions = new AtomicLong();
    Set<String> judged = ConcurrentHashMap.newKeySet();
    AtomicLong twice = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(2);
    for (int t = 0; t < 2; t++) {
      int thread = t;
      Thread sender =
          new Thread(
              () -> {
                long n = 0;
                while (!stop.get()) {
                  String id = "t" + thread + "-" + n++;
                  submitted.incrementAndGet();
                  Verdict verdict =
                      gate.evaluate(
                          new OrderIntent(
                              id,
                              "acc-1",
                              "NSE:INFY",
                              Side.BUY,
                              10,
                              PriceType.LIMIT,
                              1500,
                              0,
                              ProductType.CNC,
                              "",
                              1500),
                          RiskContext.empty());
                  verdicts.incrementAndGet();
                  Integer version = verdict.versions().get("risk");
                  if (version == null || (version != 1 && version != 2)) {
                    badVersions.incrementAndGet();
                  }
                  if (!judged.add(id)) {
                    twice.incrementAndGet();
                  }
                }
                done.countDown();
              },
              "swap-load-" + t);
      sender.start();
    }
    Thread.sleep(500);
    for (int i = 0; i < SWAPS; i++) {
      running.swap(i % 2 == 0 ? v2 : v1);
      Thread.sleep(100);
    }
    stop.set(true);
    done.await();
    results.addValue(
        "rules.swap.underLoad.orders",
        "orders judged by 2 threads while the risk set was swapped " + SWAPS + " times",
        submitted.get(),
        "orders");
    results.addValue(
        "rules.swap.underLoad.lost",
        "orders without a verdict (goal 0)",
        submitted.get() - verdicts.get(),
        "orders");
    results.addValue(
        "rules.swap.underLoad.doubleJudged",
        "orders judged twice or on no single version (goal 0)",
        twice.get() + badVersions.get(),
        "orders");
  }

  private static CompiledRuleSet compile(DrlCompiler compiler, int version, String drl) {
    return compile(compiler, RuleKind.RISK, version, drl);
  }

  private static CompiledRuleSet compile(
      DrlCompiler compiler, RuleKind kind, int version, String drl) {
    CompileResult result =
        compiler.compile(
            kind,
            version,
            version,
            "",
            List.of(new RuleSource(RuleSource.RULESET, drl)),
            List.of());
    if (!result.ok()) {
      throw new IllegalStateException(result.errors().toString());
    }
    return result.compiled();
  }

  /** 100 distinct rules in the default pack's style (variant {@code v} changes the numbers). */
  static String hundredRules(int v) {
    StringBuilder drl =
        new StringBuilder(
            "package com.sharewise.rules.bench\nimport com.sharewise.rules.model.*;\n");
    for (int i = 0; i < 100; i++) {
      switch (i % 4) {
        case 0 ->
            drl.append(
                """
                rule "quantity cap %d"
                when
                    $o : OrderIntent( quantity > %d, instrument == "NSE:SYM%d" )
                    $d : Decision()
                then
                    $d.reject("more than %d shares");
                end
                """
                    .formatted(i, 100 + i + v, i, 100 + i + v));
        case 1 ->
            drl.append(
                """
                rule "value cap %d"
                when
                    $o : OrderIntent()
                    $l : Limits( maxOrderValue > %d, $o.value > maxOrderValue - %d )
                    $d : Decision()
                then
                    $d.reject("value over " + $l.maxOrderValue());
                end
                """
                    .formatted(i, i, i + v));
        case 2 ->
            drl.append(
                """
                rule "collar %d"
                when
                    $o : OrderIntent( limitPrice > 0 )
                    $q : QuoteFact( instrument == $o.instrument, deviationPercent($o.limitPrice) > %d )
                    $d : Decision()
                then
                    $d.reject("collar");
                end
                """
                    .formatted(i, 5 + i % 7 + v));
        default ->
            drl.append(
                """
                rule "position %d"
                when
                    $o : OrderIntent()
                    $p : PositionFact( instrument == $o.instrument, Math.abs(quantityAfter($o)) > %d )
                    $d : Decision()
                then
                    $d.reject("position");
                end
                """
                    .formatted(i, 1000 * (i + 1) + v));
      }
    }
    return drl.toString();
  }
}

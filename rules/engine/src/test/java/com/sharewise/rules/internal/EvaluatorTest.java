package com.sharewise.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.OrderCheck;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.Side;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Evaluation fails closed, and a swap never changes the version an evaluation started on. */
class EvaluatorTest {

  private static final DrlCompiler COMPILER = new DrlCompiler(Clock.systemUTC(), 2);
  private static final OrderIntent ORDER =
      new OrderIntent(
          "o-1",
          "acc-1",
          "NSE:INFY",
          Side.BUY,
          10,
          PriceType.LIMIT,
          1500,
          0,
          ProductType.CNC,
          "",
          1500);
  private final FactResolver resolver =
      new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());

  static CompiledRuleSet compile(RuleKind kind, int version, String rules) {
    String drl =
        "package com.example.v" + version + "\nimport com.sharewise.rules.model.*;\n" + rules;
    CompileResult result =
        COMPILER.compile(
            kind,
            version,
            version,
            "",
            List.of(new RuleSource(RuleSource.RULESET, drl)),
            List.of());
    assertThat(result.errors()).isEmpty();
    return result.compiled();
  }

  private Judge.JudgedOrder judge(Evaluator evaluator, CompiledRuleSet risk) {
    RiskFacts facts = resolver.risk(ORDER, RiskContext.empty());
    return new Judge(evaluator).only(RuleKind.RISK, risk, facts);
  }

  @Test
  void rulesOnTheCheckAndRulesJoiningSeparateFactsJudgeTheSameOrderTogether() {
    // a risk officer's older version written as joins keeps working beside rules on the check
    CompiledRuleSet risk =
        compile(
            RuleKind.RISK,
            1,
            """
            rule "on the check"
            when OrderCheck( $d : decision, order.quantity >= 10, increasesPosition )
            then $d.hold("check saw " + $d.getOutcome());
            end
            rule "as joins"
            when $d : Decision() $o : OrderIntent( quantity >= 10 ) Limits( maxOrderQuantity > 5 )
            then $d.reject("joins saw " + $o.quantity());
            end
            """);

    Judge.JudgedOrder judged =
        judge(new Evaluator(new Evaluator.Budget(100, 1_000_000_000L)), risk);

    assertThat(judged.fired()).containsExactlyInAnyOrder("on the check", "as joins");
    assertThat(judged.decision().getOutcome()).isEqualTo(Outcome.REJECT);
    assertThat(judged.decision().getReason()).isEqualTo("joins saw 10");
  }

  @Test
  void aCheckCarriesThePositionInTheOrdersInstrumentOrAFlatOne() {
    RiskFacts held =
        resolver.risk(
            ORDER,
            new RiskContext(
                null,
                null,
                null,
                List.of(
                    new PositionFact("acc-1", "NSE:TCS", 50, 3800, 3800),
                    new PositionFact("acc-1", "NSE:INFY", -4, 1500, 1500)),
                null,
                null,
                null,
                null,
                null));
    Decision decision = new Decision();

    OrderCheck check = held.check(decision);
    OrderCheck flat = resolver.risk(ORDER, RiskContext.empty()).check(decision);

    assertThat(check.position().quantity()).isEqualTo(-4);
    assertThat(check.quantityAfter()).isEqualTo(6);
    assertThat(check.increasesPosition()).isTrue();
    assertThat(check.decision()).isSameAs(decision);
    assertThat(flat.position().quantity()).isZero();
    assertThat(flat.position().instrument()).isEqualTo("NSE:INFY");
  }

  @Test
  void aRuleThatThrowsRejectsTheOrderNamingTheEngineError() {
    CompiledRuleSet risk =
        compile(
            RuleKind.RISK,
            1,
            """
            rule "divides by zero"
            when $o : OrderIntent() $d : Decision()
            then $d.reject("x" + (1 / ($o.quantity() - 10)));
            end
            """);

    Decision decision =
        judge(new Evaluator(new Evaluator.Budget(100, 1_000_000_000L)), risk).decision();

    assertThat(decision.getOutcome()).isEqualTo(Outcome.REJECT);
    assertThat(decision.getRuleName()).isEqualTo(Evaluator.ENGINE_ERROR);
    assertThat(decision.getReason()).contains("divides by zero").contains("ArithmeticException");
  }

  @Test
  void aConditionThatThrowsRejectsNamingTheRuleAndTheCondition() {
    CompiledRuleSet risk =
        compile(
            RuleKind.RISK,
            1,
            """
            rule "cap per instrument"
            when OrderCheck( $d : decision, instrumentLimit.maxPositionQuantity > 0 )
            then $d.reject("cap");
            end
            """);

    Decision decision =
        judge(new Evaluator(new Evaluator.Budget(100, 1_000_000_000L)), risk).decision();

    assertThat(decision.getRuleName()).isEqualTo(Evaluator.ENGINE_ERROR);
    assertThat(decision.getReason())
        .contains("cap per instrument")
        .contains("instrumentLimit.maxPositionQuantity")
        .contains("NullPointerException");
  }

  @Test
  void aRuleSetThatLoopsIsStoppedByTheFiringBudgetAndRejects() {
    CompiledRuleSet risk =
        compile(
            RuleKind.RISK,
            1,
            """
            rule "loops by inserting"
            when $o : OrderIntent() $d : Decision()
            then insert(new Decision());
            end
            rule "and again"
            when $x : Decision()
            then insert(new Decision());
            end
            """);

    Decision decision =
        judge(new Evaluator(new Evaluator.Budget(50, 1_000_000_000L)), risk).decision();

    assertThat(decision.getOutcome()).isEqualTo(Outcome.REJECT);
    assertThat(decision.getRuleName()).isEqualTo(Evaluator.FIRING_BUDGET);
    assertThat(decision.getReason()).contains("more than 50 rules");
  }

  @Test
  void noActiveRuleSetRejects() {
    Decision decision =
        judge(new Evaluator(new Evaluator.Budget(50, 1_000_000_000L)), null).decision();

    assertThat(decision.getOutcome()).isEqualTo(Outcome.REJECT);
    assertThat(decision.getRuleName()).isEqualTo(Evaluator.NO_RULE_SET);
  }

  @Test
  void anEvaluationStartedOnV1FinishesOnV1WhileV2IsActivated() throws Exception {
    CompiledRuleSet v1 =
        compile(
            RuleKind.RISK,
            1,
            "rule \"v1 rule\" when $o : OrderIntent() $d : Decision() then $d.hold(\"v1\"); end");
    CompiledRuleSet v2 =
        compile(
            RuleKind.RISK,
            2,
            "rule \"v2 rule\" when $o : OrderIntent() $d : Decision() then $d.reject(\"v2\"); end");
    ActiveRuleSets active = new ActiveRuleSets();
    active.swap(v1);
    active.swap(compile(RuleKind.WORKFLOW, 1, "rule \"route\" when $d : Decision() then end"));
    CountDownLatch captured = new CountDownLatch(1);
    CountDownLatch swapped = new CountDownLatch(1);
    AtomicBoolean holdFirst = new AtomicBoolean(true);
    // the limits are read after the engine captured its rule sets: hold the first evaluation
    // there until v2 is active
    FactResolver slowFacts =
        new FactResolver(
            () -> {
              if (holdFirst.getAndSet(false)) {
                captured.countDown();
                await(swapped);
              }
              return LimitData.defaultsOnly();
            },
            Clock.systemUTC(),
            Set.of());
    RulesEngine engine =
        new RulesEngine(
            active,
            slowFacts,
            new Judge(new Evaluator(new Evaluator.Budget(100, 10_000_000_000L))),
            new DecisionRecorder(null, 100),
            null,
            Clock.systemUTC());

    CompletableFuture<Verdict> first =
        CompletableFuture.supplyAsync(() -> engine.evaluate(ORDER, RiskContext.empty()));
    assertThat(captured.await(10, TimeUnit.SECONDS)).isTrue();
    active.swap(v2);
    swapped.countDown();
    Verdict onV1 = first.get(10, TimeUnit.SECONDS);
    Verdict onV2 = engine.evaluate(ORDER, RiskContext.empty());

    assertThat(onV1.versions()).containsEntry("risk", 1);
    assertThat(onV1.firedRules()).contains("v1 rule").doesNotContain("v2 rule");
    assertThat(onV1.outcome()).isEqualTo(Outcome.HOLD_FOR_APPROVAL);
    assertThat(onV2.versions()).containsEntry("risk", 2);
    assertThat(onV2.outcome()).isEqualTo(Outcome.REJECT);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void factsNoRuleCanMatchAreLeftOutWhileThoseARuleReadsAreInserted() {
    CompiledRuleSet onlyOrders =
        compile(
            RuleKind.RISK,
            3,
            """
            rule "big orders"
            when $o : OrderIntent( quantity > 5 ) $d : Decision()
            then $d.reject("too big: " + $o.quantity());
            end
            """);
    CompiledRuleSet withQuotes =
        compile(
            RuleKind.RISK,
            4,
            """
            rule "big orders"
            when $o : OrderIntent( quantity > 5 ) $d : Decision()
            then $d.hold("big: " + $o.quantity());
            end
            rule "quoted"
            when $q : QuoteFact( lastPrice > 0 ) $d : Decision()
            then $d.reject("quoted at " + $q.lastPrice());
            end
            """);
    Evaluator evaluator = new Evaluator(new Evaluator.Budget(100, 1_000_000_000L));

    assertThat(onlyOrders.matchedTypes().matches(OrderIntent.class)).isTrue();
    assertThat(onlyOrders.matchedTypes().matches(Decision.class)).isTrue();
    assertThat(onlyOrders.matchedTypes().matches(QuoteFact.class)).isFalse();
    assertThat(withQuotes.matchedTypes().matches(QuoteFact.class)).isTrue();
    Judge.JudgedOrder orders = judge(evaluator, onlyOrders);
    assertThat(orders.decision().getOutcome()).isEqualTo(Outcome.REJECT);
    assertThat(orders.decision().getReason()).isEqualTo("too big: 10");
    Judge.JudgedOrder quotes = judge(evaluator, withQuotes);
    assertThat(quotes.fired()).containsExactlyInAnyOrder("big orders", "quoted");
    assertThat(quotes.decision().getOutcome()).isEqualTo(Outcome.REJECT);
  }
}

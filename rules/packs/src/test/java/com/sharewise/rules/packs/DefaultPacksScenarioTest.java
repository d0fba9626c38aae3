package com.sharewise.rules.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sharewise.rules.RuleKind;
import com.sharewise.rules.Scenario;
import com.sharewise.rules.ScenarioResult;
import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.Json;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.internal.ScenarioRunner;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The default packs, read as documentation: every scenario shipped with a pack (one or more per
 * limit) runs as its own test, named by the sentence it states. The same scenarios run against
 * every new version a risk officer writes.
 */
class DefaultPacksScenarioTest {

  private static final DrlCompiler COMPILER = new DrlCompiler(Clock.systemUTC(), 2);
  private static final ScenarioRunner RUNNER =
      new ScenarioRunner(new Judge(new Evaluator(new Evaluator.Budget(1000, 1_000_000_000L))));

  @TestFactory
  Stream<DynamicTest> riskPack() {
    return scenarios("risk");
  }

  @TestFactory
  Stream<DynamicTest> workflowPack() {
    return scenarios("workflow");
  }

  @TestFactory
  Stream<DynamicTest> signalPack() {
    return scenarios("signal");
  }

  @Test
  void theRiskPackCoversEveryLimitWithAtLeastOneScenario() {
    CompiledRuleSet risk = compile("risk");
    List<Scenario> scenarios = Json.scenarios(DefaultPacks.of("risk").scenariosJson());
    List<String> decidingRules =
        RUNNER.run(risk, scenarios).stream()
            .flatMap(r -> r.firedRules().stream())
            .distinct()
            .toList();

    assertThat(risk.ruleNames()).hasSize(20);
    assertThat(decidingRules).containsAll(risk.ruleNames());
  }

  private static Stream<DynamicTest> scenarios(String kind) {
    CompiledRuleSet set = compile(kind);
    return Json.scenarios(DefaultPacks.of(kind).scenariosJson()).stream()
        .map(
            scenario ->
                dynamicTest(
                    kind + ": " + scenario.name(),
                    () -> {
                      ScenarioResult result = RUNNER.run(set, scenario);
                      assertThat(result.failures())
                          .as("%s (rules decided: %s)", scenario.name(), result.actual())
                          .isEmpty();
                      assertThat(result.passed()).isTrue();
                    }));
  }

  private static CompiledRuleSet compile(String kind) {
    CompileResult result =
        COMPILER.compile(
            RuleKind.parse(kind),
            0,
            1,
            "",
            List.of(new RuleSource(RuleSource.RULESET, DefaultPacks.of(kind).drl())),
            List.of());
    assertThat(result.problems()).as("%s pack compiles without errors or warnings", kind).isEmpty();
    return result.compiled();
  }
}

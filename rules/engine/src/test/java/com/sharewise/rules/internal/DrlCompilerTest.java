package com.sharewise.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.rules.RuleKind;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile errors come back with the line the author wrote. */
class DrlCompilerTest {

  private final DrlCompiler compiler = new DrlCompiler(Clock.systemUTC(), 1);

  private CompileResult compile(String drl) {
    return compiler.compile(
        RuleKind.RISK, 0, 1, "", List.of(new RuleSource(RuleSource.RULESET, drl)), List.of());
  }

  @Test
  void anUnknownFieldIsReportedOnItsLine() {
    CompileResult result =
        compile(
            """
            package com.example.rules
            import com.sharewise.rules.model.*;

            rule "max quantity"
            when
                $o : OrderIntent( quantty > 100 )
                $d : Decision()
            then
                $d.reject("too many");
            end
            """);

    assertThat(result.ok()).isFalse();
    assertThat(result.errors())
        .first()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.message()).contains("quantty");
            });
  }

  @Test
  void aGoodRuleSetCompilesAndListsItsRules() {
    CompileResult result =
        compile(
            """
            package com.example.rules
            import com.sharewise.rules.model.*;
            rule "a" when $d : Decision() then end
            rule "b" when $o : OrderIntent() then end
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.compiled().ruleNames()).containsExactlyInAnyOrder("a", "b");
  }
}

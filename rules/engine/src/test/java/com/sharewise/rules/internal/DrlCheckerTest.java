package com.sharewise.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.rules.DrlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a rule author must not write is refused before compiling, naming the construct and line. */
class DrlCheckerTest {

  private final DrlChecker checker = new DrlChecker();

  private static String rule(String when, String then) {
    return """
        package com.example.rules
        import com.sharewise.rules.model.*;
        rule "r"
        when
            %s
        then
            %s
        end
        """
        .formatted(when, then);
  }

  private List<DrlProblem> check(String drl) {
    return checker.check("ruleset", drl);
  }

  @Test
  void aRuleUsingOnlyTheFactModelPasses() {
    assertThat(
            check(
                rule(
                    "$o : OrderIntent( quantity > 10, value > 1000 )\n    $d : Decision()",
                    "$d.reject(\"too big: \" + Math.round($o.value()));")))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "System.exit in an action | $d : Decision() | System.exit(0); | 7 | System is not allowed",
        "Runtime.exec | $d : Decision() | Runtime.getRuntime().exec(\"rm\"); | 7 | Runtime is not allowed",
        "a thread | $d : Decision() | new Thread().start(); | 7 | Thread is not allowed",
        "reflection with getClass | $d : Decision() | $d.getClass().getName(); | 7 | getClass() is not allowed",
        "Class.forName | $d : Decision() | Class.forName(\"x\"); | 7 | Class is not allowed",
        "file I/O | $d : Decision() | Files.delete(null); | 7 | Files is not allowed",
        "a loop | $d : Decision() | while (true) { } | 7 | loops ('while') are not allowed",
        "the engine's internals | $d : Decision() | drools.halt(); | 7 | 'drools' (the engine's internals) is not allowed",
        "a fully-qualified JVM class | $d : Decision() | java.lang.System.exit(0); | 7 | fully-qualified name 'java.lang.System' is outside the fact model",
        "a JVM class in a condition | $o : OrderIntent( quantity > System.currentTimeMillis() ) | ; | 5 | System is not allowed",
        "an unknown type | $d : Decision() | StringBuilder b = null; | 7 | type 'StringBuilder' is not part of the fact model",
        "retract | $o : OrderIntent() | retract($o); | 7 | 'retract' is not allowed",
        "system properties through Integer | $d : Decision() | Integer.getInteger(\"x\"); | 7 | getInteger() reads system properties",
        "spoofing the rule name | $d : Decision() | $d.enterRule(\"other\"); | 7 | enterRule() is the platform's",
      })
  void aForbiddenConstructIsRefusedNamingItAndItsLine(
      String what, String when, String then, int line, String message) {
    List<DrlProblem> problems = check(rule(when, then));

    assertThat(problems).as(what).isNotEmpty();
    assertThat(problems.get(0).line()).as(what).isEqualTo(line);
    assertThat(problems.get(0).message()).as(what).contains(message);
  }

  @Test
  void readingIntoAPartThatIsUsuallyNullWithoutAGuardIsWarnedAtItsLine() {
    String drl =
        rule(
            "OrderCheck( $d : decision,\n      instrumentLimit.maxPositionQuantity > 5 )",
            "$d.reject(\"x\");");

    List<DrlProblem> problems = check(drl);

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().isError()).isFalse();
    assertThat(problems.getFirst().line()).isEqualTo(6);
    assertThat(problems.getFirst().message())
        .contains("'instrumentLimit' is null when the order's instrument has no position limit")
        .contains("instrumentLimit != null");
  }

  @Test
  void aPartTestedForNullFirstOrReadNullSafelyIsFine() {
    assertThat(
            check(
                rule(
                    "OrderCheck( $d : decision, instrumentLimit != null,"
                        + " instrumentLimit.maxPositionQuantity > 5, restricted!.reason == \"x\" )",
                    "$d.reject(\"x\");")))
        .isEmpty();
  }

  @Test
  void forbiddenWordsInCommentsAndStringsAreFine() {
    String drl =
        rule(
            "// System.exit(0) would be bad\n    $d : Decision() /* Runtime, Thread, while */",
            "$d.reject(\"System Runtime Thread while for java.io.File getClass\");");

    assertThat(check(drl)).isEmpty();
  }

  @Test
  void aUnicodeEscapeIsRefusedEvenInsideAString() {
    // Java decodes \\u0022 to a quote before it reads strings: this would close the string early
    String drl =
        rule("$d : Decision()", "$d.reject(\"\\u0022); System.exit(0); $d.reject(\\u0022\");");

    assertThat(check(drl))
        .first()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.message()).contains("unicode escapes");
            });
  }

  @Test
  void importsOutsideTheFactModelAreRefused() {
    String drl =
        """
        package com.example.rules
        import com.sharewise.rules.model.Decision;
        import java.io.File;
        import java.math.BigDecimal;
        rule "r" when $d : Decision() then end
        """;

    assertThat(check(drl))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("import java.io.File is outside the fact model");
            });
  }

  @Test
  void functionsGlobalsAndDeclarationsAreRefused() {
    String drl =
        """
        package com.example.rules
        import com.sharewise.rules.model.*;
        global java.util.List sink;
        function int twice(int x) { return 2 * x; }
        declare Helper
          value : int
        end
        rule "r" when $d : Decision() then end
        """;

    List<String> messages = check(drl).stream().map(DrlProblem::message).toList();

    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("global 'sink' is not allowed"))
        .anySatisfy(m -> assertThat(m).contains("function definitions are not allowed"))
        .anySatisfy(m -> assertThat(m).contains("type declarations are not allowed"));
  }

  @Test
  void theMvelDialectAndTimersAreRefused() {
    String drl =
        """
        package com.example.rules
        import com.sharewise.rules.model.*;
        rule "r"
          dialect "mvel"
          timer (int: 1s)
        when $d : Decision() then end
        """;

    List<String> messages = check(drl).stream().map(DrlProblem::message).toList();

    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("dialect"))
        .anySatisfy(m -> assertThat(m).contains("attribute 'timer' is not allowed"));
  }

  @Test
  void aSyntaxErrorIsReportedWithItsLine() {
    String drl =
        """
        package com.example.rules
        import com.sharewise.rules.model.*;
        rule "r"
        when
            $o : OrderIntent( quantity > )
        then
        end
        """;

    assertThat(check(drl))
        .first()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message()).startsWith("syntax error");
            });
  }
}

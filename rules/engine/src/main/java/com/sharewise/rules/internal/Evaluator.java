package com.sharewise.rules.internal;

import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.SignalDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Runs one compiled rule set over one set of facts on a pooled session, within a firing budget and
 * a time budget. Never throws for a rule problem: the result names the cause instead, and the
 * caller fails closed. Thread-safe (sessions come from the rule set's pool, one per call).
 */
public final class Evaluator {

  /** The cause names a fail-closed decision carries as its rule name. */
  public static final String ENGINE_ERROR = "engine-error";

  public static final String FIRING_BUDGET = "firing-budget";
  public static final String TIME_BUDGET = "time-budget";
  public static final String NO_RULE_SET = "no-active-rule-set";

  /**
   * Limits of one evaluation.
   *
   * @param maxFirings most rule firings (a rule set looping on its own facts stops here)
   * @param maxNanos longest time in the rules; once over, no further rule fires
   */
  public record Budget(int maxFirings, long maxNanos) {}

  /**
   * How a run went.
   *
   * @param fired names of the rules that fired, in order
   * @param failureCause null, or {@link #ENGINE_ERROR}, {@link #FIRING_BUDGET}, {@link
   *     #TIME_BUDGET}
   * @param failureDetail words for the failure
   * @param nanos time spent
   */
  public record Run(List<String> fired, String failureCause, String failureDetail, long nanos) {
    public boolean failed() {
      return failureCause != null;
    }
  }

  // how Drools words a condition that threw: Error evaluating constraint '<text>' in [Rule "<name>"
  // …
  private static final Pattern FAILED_CONDITION =
      Pattern.compile("Error evaluating constraint '(.*)' in \\[Rule \"(.*?)\"", Pattern.DOTALL);

  private final Budget budget;

  public Evaluator(Budget budget) {
    this.budget = budget;
  }

  public Budget budget() {
    return budget;
  }

  /**
   * Inserts {@code facts[0..count)} and the answer ({@link Decision} or {@link SignalDecision}),
   * fires the rules and returns the session to the pool. Facts of a class no rule of the set can
   * match are left out, the answer too: they could not change what fires (rules written on an
   * {@code OrderCheck} or {@code SignalCheck} reach the answer through it).
   */
  public Run run(CompiledRuleSet ruleSet, Object answer, Object[] facts, int count) {
    long started = System.nanoTime();
    Trace trace = new Trace(answer, started + budget.maxNanos());
    KieSession session = null;
    boolean healthy = false;
    try {
      session = ruleSet.sessions().take();
      for (int i = 0; i < count; i++) {
        if (facts[i] == null || ruleSet.matchedTypes().matches(facts[i].getClass())) {
          session.insert(facts[i]);
        }
      }
      if (ruleSet.matchedTypes().matches(answer.getClass())) {
        session.insert(answer); // rules that bind it in a pattern; others reach it through a check
      }
      int fired = session.fireAllRules(trace, budget.maxFirings() + 1);
      healthy = true;
      long nanos = System.nanoTime() - started;
      if (fired > budget.maxFirings()) {
        return new Run(
            trace.fired,
            FIRING_BUDGET,
            ruleSet.label()
                + " fired more than "
                + budget.maxFirings()
                + " rules for one evaluation (a rule loops?); last: "
                + last(trace.fired),
            nanos);
      }
      if (trace.timedOut || nanos > budget.maxNanos()) {
        return new Run(
            trace.fired,
            TIME_BUDGET,
            ruleSet.label()
                + " took "
                + nanos / 1000
                + " µs, over its budget of "
                + budget.maxNanos() / 1000
                + " µs",
            nanos);
      }
      return new Run(trace.fired, null, null, nanos);
    } catch (RuntimeException e) {
      return new Run(
          trace.fired,
          ENGINE_ERROR,
          ruleSet.label() + " failed" + where(e, trace.fired) + ": " + rootMessage(e),
          System.nanoTime() - started);
    } finally {
      if (session != null) {
        release(session, healthy);
      }
    }
  }

  private static void release(KieSession session, boolean healthy) {
    if (healthy) {
      session.dispose(); // a pooled session: reset and back to the pool
    } else {
      // a session that failed half-way is not trusted again
      try {
        session.destroy();
      } catch (RuntimeException ignored) {
        // it is being thrown away anyway
      }
    }
  }

  private static String last(List<String> fired) {
    return fired.isEmpty() ? "" : fired.get(fired.size() - 1);
  }

  /**
   * Where an evaluation failed, for the rejection's reason: the rule and condition when a condition
   * threw (Drools names both in its exception), else the rule whose action was running.
   */
  private static String where(Throwable error, List<String> fired) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher condition = FAILED_CONDITION.matcher(String.valueOf(t.getMessage()));
      if (condition.find()) {
        return " in rule '" + condition.group(2) + "', condition '" + condition.group(1) + "'";
      }
    }
    return fired.isEmpty() ? "" : " in rule '" + last(fired) + "'";
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Names each rule on the answer before it fires, records it, and stops firing once over time. */
  private static final class Trace implements AgendaFilter {
    private final Object answer;
    private final long deadline;
    private final List<String> fired = new ArrayList<>(4);
    private boolean timedOut;

    Trace(Object answer, long deadline) {
      this.answer = answer;
      this.deadline = deadline;
    }

    @Override
    public boolean accept(Match match) {
      if (System.nanoTime() > deadline) {
        timedOut = true;
        return false;
      }
      String name = match.getRule().getName();
      fired.add(name);
      if (answer instanceof Decision decision) {
        decision.enterRule(name);
      } else if (answer instanceof SignalDecision signal) {
        signal.enterRule(name);
      }
      return true;
    }
  }
}

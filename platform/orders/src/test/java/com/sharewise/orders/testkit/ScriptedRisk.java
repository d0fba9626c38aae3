package com.sharewise.orders.testkit;

import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Approves every order, except those a test says to reject or hold; remembers what it saw. */
public final class ScriptedRisk implements RiskGate {

  private volatile Predicate<OrderIntent> reject = intent -> false;
  private volatile Predicate<OrderIntent> hold = intent -> false;
  private final List<RiskContext> contexts = new ArrayList<>();
  private int decisions;

  public void rejectWhen(Predicate<OrderIntent> which) {
    reject = which;
  }

  public void holdWhen(Predicate<OrderIntent> which) {
    hold = which;
  }

  /** The contexts of every evaluation, oldest first. */
  public synchronized List<RiskContext> contexts() {
    return List.copyOf(contexts);
  }

  @Override
  public synchronized Verdict evaluate(OrderIntent intent, RiskContext context) {
    contexts.add(context);
    Outcome outcome =
        reject.test(intent)
            ? Outcome.REJECT
            : hold.test(intent) ? Outcome.HOLD_FOR_APPROVAL : Outcome.APPROVE;
    String reason =
        switch (outcome) {
          case REJECT -> "order value above the test limit";
          case HOLD_FOR_APPROVAL -> "large order needs a second pair of eyes";
          default -> "";
        };
    return new Verdict(
        "D" + ++decisions,
        outcome,
        reason,
        reason.isEmpty() ? "" : "test-rule",
        0,
        0,
        "DIRECT",
        "",
        List.of(),
        Map.of(),
        List.of(),
        0);
  }

  @Override
  public Optional<Explanation> explain(String decisionId) {
    return Optional.empty();
  }
}

package com.sharewise.rules;

import com.sharewise.rules.model.OrderIntent;
import java.util.Optional;

/**
 * The one gate every order passes before it is journaled and sent: the active pre-trade risk rules,
 * then (unless they rejected) the active workflow rules.
 *
 * <p>Fail closed: this never throws for a rule problem. An engine error, a rule set over its firing
 * or time budget, or no active rule set gives a {@code REJECT} whose rule name names the cause.
 * Each call captures the active versions once and finishes on them even if a new version is
 * activated meanwhile. Every decision is recorded (asynchronously) with its explanation.
 * Thread-safe; intended to be called from many order threads at once.
 */
public interface RiskGate {

  /** Judges {@code intent} in {@code context}. */
  Verdict evaluate(OrderIntent intent, RiskContext context);

  /** The stored explanation of a decision, if known (recording lags evaluation by milliseconds). */
  Optional<Explanation> explain(String decisionId);
}

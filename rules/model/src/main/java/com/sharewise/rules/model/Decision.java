package com.sharewise.rules.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of risk and workflow rules about one order intent. The platform inserts one per
 * evaluation, outcome {@link Outcome#APPROVE}; rules call its methods to speak. The most
 * restrictive outcome wins and keeps the reason and rule name of the first rule that reached it, so
 * the order in which rules fire never weakens a rejection.
 *
 * <p>Rules call these methods on the decision bound in their conditions, usually through the check
 * ({@code OrderCheck( $d : decision, ... )}, see {@link OrderCheck}); they never need {@code
 * modify}. Not thread-safe: one evaluation, one thread.
 */
public final class Decision {

  /** The algorithm used when no rule chooses one: the order goes to the broker as it is. */
  public static final String DIRECT = "DIRECT";

  private Outcome outcome = Outcome.APPROVE;
  private String reason = "";
  private String ruleName = "";
  private long modifiedQuantity;
  private double modifiedLimitPrice;
  private String executionAlgorithm = DIRECT;
  private String route = "";
  private final List<Finding> findings = new ArrayList<>(4);
  private String currentRule = "";

  /** A decision that approves until a rule says otherwise. */
  public Decision() {}

  /** A decision routed to {@code broker} unless a rule chooses another route. */
  public Decision(String broker) {
    this.route = broker == null ? "" : broker;
  }

  /** Rejects the order: it is not sent. */
  public void reject(String why) {
    speak(Outcome.REJECT, why);
  }

  /** Holds the order until a person approves it. */
  public void hold(String why) {
    speak(Outcome.HOLD_FOR_APPROVAL, why);
  }

  /** Sends the order with a smaller (or larger) quantity. */
  public void modifyQuantity(long quantity, String why) {
    if (quantity <= 0) {
      reject(why + " (modified quantity " + quantity + " is not positive)");
      return;
    }
    modifiedQuantity = quantity;
    speak(Outcome.MODIFY, why);
  }

  /** Sends the order with another limit price. */
  public void modifyLimitPrice(double price, String why) {
    if (!(price > 0)) {
      reject(why + " (modified limit price " + price + " is not positive)");
      return;
    }
    modifiedLimitPrice = price;
    speak(Outcome.MODIFY, why);
  }

  /**
   * Works the order with an execution algorithm, e.g. {@code TWAP}, {@code VWAP}, {@code ICEBERG}.
   */
  public void useAlgorithm(String algorithm, String why) {
    executionAlgorithm = algorithm == null || algorithm.isBlank() ? DIRECT : algorithm;
    findings.add(new Finding(currentRule, Outcome.APPROVE, why));
  }

  /** Sends the order through another broker than the account's own. */
  public void routeTo(String broker, String why) {
    route = broker == null ? "" : broker;
    findings.add(new Finding(currentRule, Outcome.APPROVE, why));
  }

  private void speak(Outcome said, String why) {
    String text = why == null ? "" : why;
    findings.add(new Finding(currentRule, said, text));
    if (said.stricterThan(outcome)) {
      outcome = said;
      reason = text;
      ruleName = currentRule;
    }
  }

  /**
   * Names the rule whose actions follow. Called by the platform before each rule fires; rule
   * authors must not call it (the DRL checker refuses it).
   */
  public void enterRule(String rule) {
    currentRule = rule == null ? "" : rule;
  }

  /**
   * Rejects on the platform's behalf (an engine failure, a budget exceeded), naming the cause as
   * the rule. Not for rule authors.
   */
  public void failClosed(String cause, String why) {
    enterRule(cause);
    reject(why);
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** Whether the order must not be sent. */
  public boolean isRejected() {
    return outcome == Outcome.REJECT;
  }

  /** The reason of the rule that decided the outcome (empty for a plain approval). */
  public String getReason() {
    return reason;
  }

  /** The rule that decided the outcome (empty for a plain approval). */
  public String getRuleName() {
    return ruleName;
  }

  /** The quantity to send instead, or 0 to keep the order's. */
  public long getModifiedQuantity() {
    return modifiedQuantity;
  }

  /** The limit price to send instead, or 0 to keep the order's. */
  public double getModifiedLimitPrice() {
    return modifiedLimitPrice;
  }

  public String getExecutionAlgorithm() {
    return executionAlgorithm;
  }

  /** The broker to send through (empty = the account's own). */
  public String getRoute() {
    return route;
  }

  /** Everything every rule said, in firing order. */
  public List<Finding> getFindings() {
    return List.copyOf(findings);
  }
}

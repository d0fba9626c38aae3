package com.sharewise.orders;

/**
 * What the risk and workflow rules decided about an order, as kept with it.
 *
 * @param id the stored decision's id; its full explanation is {@code RiskGate.explain(id)}
 * @param outcome {@code APPROVE}, {@code MODIFY}, {@code HOLD_FOR_APPROVAL} or {@code REJECT}
 * @param ruleName the deciding rule (empty for a plain approval)
 * @param reason the deciding rule's words (empty for a plain approval)
 */
public record Decision(String id, String outcome, String ruleName, String reason) {

  /** For orders no rule judged (children of an approved parent keep the parent's decision). */
  public static final Decision NONE = new Decision("", "APPROVE", "", "");

  public Decision {
    id = id == null ? "" : id;
    outcome = outcome == null ? "APPROVE" : outcome;
    ruleName = ruleName == null ? "" : ruleName;
    reason = reason == null ? "" : reason;
  }
}

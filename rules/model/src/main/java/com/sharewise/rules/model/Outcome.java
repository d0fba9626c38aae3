package com.sharewise.rules.model;

/**
 * What a decision says about an order, from the least to the most restrictive. When several rules
 * speak, the most restrictive outcome wins: a rejection is never undone by a later rule.
 */
public enum Outcome {
  /** Send the order as it is. */
  APPROVE,
  /** Send the order with the changes the decision names (quantity, limit price). */
  MODIFY,
  /** Keep the order until a person approves it. */
  HOLD_FOR_APPROVAL,
  /** Do not send the order. */
  REJECT;

  /** Whether this outcome is more restrictive than {@code other}. */
  public boolean stricterThan(Outcome other) {
    return ordinal() > other.ordinal();
  }
}

package com.sharewise.strategies;

import com.sharewise.api.strategy.Signal;
import java.util.Objects;

/**
 * What became of a signal: an order, or why there is none.
 *
 * @param signal the signal
 * @param outcome {@link Outcome#ORDERED} when an order exists for it (placed now, or earlier for
 *     the same signal), else {@link Outcome#DROPPED}
 * @param orderId the order's id when ordered, else empty
 * @param decisionId the signal rules' stored decision, else empty (dropped before the rules)
 * @param rule the rule (or engine cause, or order-path check) that dropped it or that decided the
 *     order, else empty
 * @param reason why it was dropped, or what the order path said about the order (rejected or held
 *     by risk rules, placed earlier), else empty
 */
public record RoutedSignal(
    Signal signal, Outcome outcome, String orderId, String decisionId, String rule, String reason) {

  /** Whether a signal led to an order. */
  public enum Outcome {
    DROPPED,
    ORDERED
  }

  public RoutedSignal {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(outcome, "outcome");
    orderId = orderId == null ? "" : orderId;
    decisionId = decisionId == null ? "" : decisionId;
    rule = rule == null ? "" : rule;
    reason = reason == null ? "" : reason;
  }

  static RoutedSignal dropped(Signal signal, String decisionId, String rule, String reason) {
    return new RoutedSignal(signal, Outcome.DROPPED, "", decisionId, rule, reason);
  }
}

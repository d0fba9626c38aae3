package com.sharewise.rules.model;

import java.util.Map;

/**
 * A strategy's signal, before it becomes an order intent.
 *
 * @param strategyId the strategy instance that emitted it
 * @param accountId the account the strategy instance trades for
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param timeframe the bar series that triggered it, e.g. {@code 5m}
 * @param action what the strategy wants
 * @param price the reference price (the triggering bar's close)
 * @param reason the strategy's explanation, e.g. {@code SMA(10) crossed above SMA(30)}
 * @param attributes indicator values and other facts, e.g. {@code rsi=28.4}
 */
public record SignalFact(
    String strategyId,
    String accountId,
    String instrument,
    String timeframe,
    SignalAction action,
    double price,
    String reason,
    Map<String, String> attributes) {

  public SignalFact {
    strategyId = strategyId == null ? "" : strategyId;
    accountId = accountId == null ? "" : accountId;
    instrument = instrument == null ? "" : instrument;
    timeframe = timeframe == null ? "" : timeframe;
    action = action == null ? SignalAction.ENTER_LONG : action;
    reason = reason == null ? "" : reason;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The order side that carries the signal out. */
  public Side side() {
    return action.side();
  }

  /** Whether the signal opens a position (enter long or short). */
  public boolean entry() {
    return action.entry();
  }

  /** An attribute's text, or empty when the strategy did not send it. */
  public String attribute(String name) {
    return attributes.getOrDefault(name, "");
  }

  /** Whether the strategy sent the attribute. */
  public boolean has(String name) {
    return attributes.containsKey(name);
  }

  /** An attribute as a number, or NaN when missing or not a number (every comparison is false). */
  public double number(String name) {
    String text = attributes.get(name);
    if (text == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

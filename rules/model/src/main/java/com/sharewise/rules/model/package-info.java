/**
 * The vocabulary of ShareWise rules: the only types a rule author's DRL may import.
 *
 * <p>Input facts are immutable records built by the platform from live values (order intents,
 * accounts, positions, quotes, signals, limits, counters and the market clock), each on its own and
 * gathered into one {@link OrderCheck} (risk and workflow) or {@link SignalCheck} (signal) per
 * evaluation; rules written on the check alone run without joins. Rules answer by calling methods
 * on the one mutable fact of each evaluation: {@link Decision} for risk and workflow rules, {@link
 * SignalDecision} for signal rules. Prices and money are rupees as {@code double}; quantities are
 * whole shares; instruments are named {@code EXCHANGE:SYMBOL}.
 *
 * <p>The rule author's guide ({@code docs/rule-guide.md}) documents every type with examples.
 */
package com.sharewise.rules.model;

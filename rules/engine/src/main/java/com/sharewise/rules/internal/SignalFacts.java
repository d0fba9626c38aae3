package com.sharewise.rules.internal;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.SignalCheck;
import com.sharewise.rules.model.SignalDecision;
import com.sharewise.rules.model.SignalFact;

/**
 * Every fact one signal evaluation inserts, resolved (no nulls). Rules see them both on their own
 * and gathered in one {@link SignalCheck}.
 */
public record SignalFacts(
    SignalFact signal,
    Account account,
    Limits limits,
    QuoteFact quote,
    PositionFact position,
    MarketClock clock) {

  /** The {@link SignalCheck} that answers on {@code decision}, then each fact on its own. */
  public Object[] toArray(SignalDecision decision) {
    return new Object[] {
      new SignalCheck(signal, account, limits, quote, position, clock, decision),
      signal,
      account,
      limits,
      quote,
      position,
      clock
    };
  }
}

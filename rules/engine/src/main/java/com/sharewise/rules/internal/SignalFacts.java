package com.sharewise.rules.internal;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.SignalFact;

/** Every fact one signal evaluation inserts, resolved (no nulls). */
public record SignalFacts(
    SignalFact signal,
    Account account,
    Limits limits,
    QuoteFact quote,
    PositionFact position,
    MarketClock clock) {

  public Object[] toArray() {
    return new Object[] {signal, account, limits, quote, position, clock};
  }
}

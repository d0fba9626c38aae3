package com.sharewise.rules;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;

/**
 * What the caller knows when asking the signal rules about a signal. Null fields get the same
 * defaults as in {@link RiskContext}.
 *
 * @param account the account the strategy instance trades for
 * @param limits its limits; null = the stored limits
 * @param quote the latest quote of the signal's instrument
 * @param position the account's position in that instrument
 * @param clock the time; null = now
 */
public record SignalContext(
    Account account, Limits limits, QuoteFact quote, PositionFact position, MarketClock clock) {

  public static SignalContext empty() {
    return new SignalContext(null, null, null, null, null);
  }
}

package com.sharewise.rules;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import java.util.List;

/**
 * What the caller knows about an order's surroundings when asking the rules about it. Any field may
 * be null: the engine then uses a neutral fact (no position, no open orders, zero P&amp;L), the
 * stored limits of the account (or the defaults) and the platform clock. Restricted instruments and
 * per-instrument limits always come from the store.
 *
 * @param account the account; null = an enabled retail account with the order's account id
 * @param limits the limits to apply; null = the stored limits of the account
 * @param quote the latest quote of the order's instrument; null = none (last price 0)
 * @param positions the account's positions (at least the one in the order's instrument)
 * @param exposure the account's exposure across positions
 * @param pnl the account's profit or loss today
 * @param openOrders the account's open orders
 * @param rate the account's recent order counts (throttle)
 * @param clock the time of the check; null = now by the platform clock
 */
public record RiskContext(
    Account account,
    Limits limits,
    QuoteFact quote,
    List<PositionFact> positions,
    Exposure exposure,
    DailyPnl pnl,
    OpenOrders openOrders,
    OrderRate rate,
    MarketClock clock) {

  public RiskContext {
    positions = positions == null ? List.of() : List.copyOf(positions);
  }

  /** Nothing known beyond the order itself. */
  public static RiskContext empty() {
    return new RiskContext(null, null, null, List.of(), null, null, null, null, null);
  }
}

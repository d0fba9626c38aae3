package com.sharewise.rules.internal;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderCheck;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.RestrictedInstrument;
import java.util.List;

/**
 * Every fact one risk or workflow evaluation inserts, resolved (no nulls but {@code restricted} and
 * {@code instrumentLimit}, which are present only when they concern the order's instrument). This
 * is also what an explanation stores and what replay reads back. Rules see these facts both on
 * their own and gathered in one {@link OrderCheck}.
 */
public record RiskFacts(
    OrderIntent order,
    Account account,
    Limits limits,
    QuoteFact quote,
    List<PositionFact> positions,
    Exposure exposure,
    DailyPnl pnl,
    OpenOrders openOrders,
    OrderRate rate,
    MarketClock clock,
    RestrictedInstrument restricted,
    InstrumentLimit instrumentLimit) {

  public RiskFacts {
    positions = positions == null ? List.of() : positions;
  }

  /**
   * Copies into {@code into} the {@link OrderCheck} that answers on {@code decision}, then each
   * fact on its own (for rules that join them), and returns how many there are.
   */
  public int fill(Object[] into, Decision decision) {
    int n = 0;
    into[n++] = check(decision);
    into[n++] = order;
    into[n++] = account;
    into[n++] = limits;
    into[n++] = quote;
    into[n++] = exposure;
    into[n++] = pnl;
    into[n++] = openOrders;
    into[n++] = rate;
    into[n++] = clock;
    if (restricted != null) {
      into[n++] = restricted;
    }
    if (instrumentLimit != null) {
      into[n++] = instrumentLimit;
    }
    for (int i = 0; i < positions.size() && n < into.length; i++) {
      into[n++] = positions.get(i);
    }
    return n;
  }

  /** The array size {@link #fill} needs. */
  public int size() {
    return 12 + positions.size();
  }

  /** These facts as one, answering on {@code decision}. */
  public OrderCheck check(Decision decision) {
    return new OrderCheck(
        order,
        account,
        limits,
        quote,
        positionInOrderInstrument(),
        exposure,
        pnl,
        openOrders,
        rate,
        clock,
        restricted,
        instrumentLimit,
        decision);
  }

  private PositionFact positionInOrderInstrument() {
    for (int i = 0; i < positions.size(); i++) {
      if (positions.get(i).instrument().equals(order.instrument())) {
        return positions.get(i);
      }
    }
    return new PositionFact(order.accountId(), order.instrument(), 0, 0, quote.lastPrice());
  }
}

package com.sharewise.rules;

import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.RestrictedInstrument;
import com.sharewise.rules.model.SignalFact;
import java.util.List;

/**
 * A test a rule set carries: given these facts, the rules must decide this. Run against every new
 * version of its kind; a version with a failing scenario stays a draft.
 *
 * @param name unique within the kind; reads as a sentence ("an order above the maximum value is
 *     rejected")
 * @param description more words, optional
 * @param given the facts
 * @param expect what the decision must say
 */
public record Scenario(String name, String description, Given given, Expect expect) {

  public Scenario {
    description = description == null ? "" : description;
    given =
        given == null
            ? new Given(
                null, null, null, null, null, null, null, null, null, null, null, null, null)
            : given;
    expect =
        expect == null
            ? new Expect(null, null, null, null, null, null, null, null, null, null)
            : expect;
  }

  /**
   * The facts. Anything left out gets a neutral value: an enabled retail account trading through
   * {@code paper}, {@link Limits#DEFAULTS}, a quote at the order's reference price, flat positions,
   * zero P&amp;L and counters, nothing restricted, Tuesday 10:00 IST.
   *
   * @param order the order intent (risk and workflow scenarios)
   * @param signal the signal (signal scenarios)
   */
  public record Given(
      OrderIntent order,
      SignalFact signal,
      Account account,
      Limits limits,
      QuoteFact quote,
      List<PositionFact> positions,
      Exposure exposure,
      DailyPnl pnl,
      OpenOrders openOrders,
      OrderRate rate,
      MarketClock clock,
      List<RestrictedInstrument> restricted,
      List<InstrumentLimit> instrumentLimits) {

    public Given {
      positions = positions == null ? List.of() : List.copyOf(positions);
      restricted = restricted == null ? List.of() : List.copyOf(restricted);
      instrumentLimits = instrumentLimits == null ? List.of() : List.copyOf(instrumentLimits);
    }
  }

  /**
   * What must hold; null fields are not checked.
   *
   * @param outcome the decision's outcome (risk and workflow)
   * @param rule the deciding rule's name
   * @param reasonContains text the reason must contain
   * @param algorithm the execution algorithm (workflow)
   * @param route the broker (workflow)
   * @param modifiedQuantity the modified quantity
   * @param dropped whether the signal is dropped (signal)
   * @param quantity the order quantity the signal becomes (signal)
   * @param priceType the price type it becomes (signal)
   * @param product the product it becomes (signal)
   */
  public record Expect(
      Outcome outcome,
      String rule,
      String reasonContains,
      String algorithm,
      String route,
      Long modifiedQuantity,
      Boolean dropped,
      Long quantity,
      PriceType priceType,
      ProductType product) {}
}

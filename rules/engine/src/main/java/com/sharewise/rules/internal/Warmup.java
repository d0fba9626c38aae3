package com.sharewise.rules.internal;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.model.SignalAction;
import com.sharewise.rules.model.SignalFact;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a freshly compiled rule set over a few neutral orders (or signals) before it goes live. The
 * first evaluations of a new knowledge base pay for class loading and compiling its constraints
 * (tens to hundreds of milliseconds); without this the first live orders after an activation would
 * blow the time budget and be rejected.
 */
final class Warmup {

  private static final int ROUNDS = 20;
  private static final Judge JUDGE =
      new Judge(new Evaluator(new Evaluator.Budget(10_000, 60_000_000_000L)));
  private static final FactResolver FACTS =
      new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());
  private static final List<OrderIntent> ORDERS =
      List.of(
          new OrderIntent(
              "warmup-1",
              "warmup",
              "NSE:INFY",
              Side.BUY,
              10,
              PriceType.LIMIT,
              1500,
              0,
              ProductType.CNC,
              "warmup",
              1500),
          new OrderIntent(
              "warmup-2",
              "warmup",
              "NSE:INFY",
              Side.SELL,
              5000,
              PriceType.MARKET,
              0,
              0,
              ProductType.MIS,
              "",
              1500));
  private static final List<SignalFact> SIGNALS =
      List.of(
          new SignalFact(
              "warmup", "warmup", "NSE:INFY", "5m", SignalAction.ENTER_LONG, 1500, "", Map.of()),
          new SignalFact(
              "warmup",
              "warmup",
              "NSE:INFY",
              "1d",
              SignalAction.EXIT_LONG,
              1500,
              "",
              Map.of("rsi", "80")));

  private Warmup() {}

  static void run(CompiledRuleSet set) {
    for (int i = 0; i < ROUNDS; i++) {
      if (set.kind() == RuleKind.SIGNAL) {
        for (SignalFact signal : SIGNALS) {
          JUDGE.signal(set, FACTS.signal(signal, SignalContext.empty()));
        }
      } else {
        for (OrderIntent order : ORDERS) {
          JUDGE.only(set.kind(), set, FACTS.risk(order, RiskContext.empty()));
        }
      }
    }
  }
}

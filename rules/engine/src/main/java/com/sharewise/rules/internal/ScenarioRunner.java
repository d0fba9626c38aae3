package com.sharewise.rules.internal;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.Scenario;
import com.sharewise.rules.ScenarioResult;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.SignalDecision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs scenarios against a compiled rule set of their kind. Deterministic: scenarios never read the
 * store or the wall clock (missing facts get neutral values, the time defaults to Tuesday 10:00
 * IST). Thread-safe.
 */
public final class ScenarioRunner {

  /** Tuesday 2026-01-06 10:00 IST. */
  static final MarketClock DEFAULT_CLOCK = new MarketClock(1_767_673_800_000L, 600, 2, false);

  private final Judge judge;
  private final FactResolver resolver =
      new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());

  public ScenarioRunner(Judge judge) {
    this.judge = judge;
  }

  public List<ScenarioResult> run(CompiledRuleSet set, List<Scenario> scenarios) {
    List<ScenarioResult> results = new ArrayList<>(scenarios.size());
    for (Scenario scenario : scenarios) {
      results.add(run(set, scenario));
    }
    return results;
  }

  public ScenarioResult run(CompiledRuleSet set, Scenario scenario) {
    boolean signal = set.kind() == RuleKind.SIGNAL;
    Scenario.Given given = scenario.given();
    if (given == null || (signal ? given.signal() == null : given.order() == null)) {
      // the author's omission, not a failure of the rules: say what to add
      String fact = signal ? "signal" : "order";
      return new ScenarioResult(
          scenario.name(),
          false,
          List.of(
              "a "
                  + set.kind().id()
                  + " scenario needs given."
                  + fact
                  + " (the "
                  + fact
                  + " the rules judge)"),
          "",
          List.of());
    }
    try {
      return signal ? signal(set, scenario) : order(set, scenario);
    } catch (RuntimeException e) {
      return new ScenarioResult(
          scenario.name(),
          false,
          List.of("the scenario could not run: " + Evaluator.rootMessage(e)),
          "",
          List.of());
    }
  }

  private ScenarioResult order(CompiledRuleSet set, Scenario scenario) {
    Scenario.Given given = scenario.given();
    OrderIntent order = given.order();
    RiskFacts facts = resolver.risk(order, context(given, order.accountId()), data(given));
    Judge.JudgedOrder judged = judge.only(set.kind(), set, facts);
    Decision d = judged.decision();
    Scenario.Expect expect = scenario.expect();
    List<String> failures = new ArrayList<>();
    check(failures, "outcome", expect.outcome(), d.getOutcome());
    check(failures, "rule", expect.rule(), d.getRuleName());
    if (expect.reasonContains() != null && !d.getReason().contains(expect.reasonContains())) {
      failures.add(
          "reason: expected to contain '"
              + expect.reasonContains()
              + "', got '"
              + d.getReason()
              + "'");
    }
    check(failures, "algorithm", expect.algorithm(), d.getExecutionAlgorithm());
    check(failures, "route", expect.route(), d.getRoute());
    check(failures, "modifiedQuantity", expect.modifiedQuantity(), d.getModifiedQuantity());
    String actual =
        d.getOutcome()
            + (d.getRuleName().isEmpty() ? "" : " by '" + d.getRuleName() + "'")
            + (d.getReason().isEmpty() ? "" : ": " + d.getReason())
            + "; algorithm "
            + d.getExecutionAlgorithm()
            + ", route "
            + d.getRoute();
    return new ScenarioResult(
        scenario.name(), failures.isEmpty(), failures, actual, judged.fired());
  }

  private ScenarioResult signal(CompiledRuleSet set, Scenario scenario) {
    Scenario.Given given = scenario.given();
    SignalContext context =
        new SignalContext(
            account(given, given.signal().accountId()),
            given.limits(),
            given.quote(),
            given.positions().isEmpty() ? null : given.positions().get(0),
            given.clock() != null ? given.clock() : DEFAULT_CLOCK);
    Judge.JudgedSignal judged =
        judge.signal(set, resolver.signal(given.signal(), context, data(given)));
    SignalDecision d = judged.decision();
    Scenario.Expect expect = scenario.expect();
    List<String> failures = new ArrayList<>();
    check(failures, "dropped", expect.dropped(), d.isDropped());
    check(failures, "rule", expect.rule(), d.getRuleName());
    if (expect.reasonContains() != null && !d.getReason().contains(expect.reasonContains())) {
      failures.add(
          "reason: expected to contain '"
              + expect.reasonContains()
              + "', got '"
              + d.getReason()
              + "'");
    }
    if (!d.isDropped()) {
      check(failures, "quantity", expect.quantity(), d.getQuantity());
      check(failures, "priceType", expect.priceType(), d.getPriceType());
      check(failures, "product", expect.product(), d.getProduct());
    }
    String actual =
        d.isDropped()
            ? "dropped by '" + d.getRuleName() + "': " + d.getReason()
            : "order of "
                + d.getQuantity()
                + " "
                + d.getPriceType()
                + (d.getPriceType() == com.sharewise.rules.model.PriceType.LIMIT
                    ? " at " + d.getLimitPrice()
                    : "")
                + " "
                + d.getProduct();
    return new ScenarioResult(
        scenario.name(), failures.isEmpty(), failures, actual, judged.fired());
  }

  private static RiskContext context(Scenario.Given given, String accountId) {
    return new RiskContext(
        account(given, accountId),
        given.limits(),
        given.quote(),
        given.positions(),
        given.exposure(),
        given.pnl(),
        given.openOrders(),
        given.rate(),
        given.clock() != null ? given.clock() : DEFAULT_CLOCK);
  }

  private static Account account(Scenario.Given given, String accountId) {
    return given.account() != null ? given.account() : new Account(accountId, "paper", true, true);
  }

  private static LimitData data(Scenario.Given given) {
    return LimitData.of(Limits.DEFAULTS, List.of(), given.restricted(), given.instrumentLimits());
  }

  private static void check(List<String> failures, String what, Object expected, Object actual) {
    if (expected != null && !expected.equals(actual)) {
      failures.add(what + ": expected " + expected + ", got " + actual);
    }
  }
}

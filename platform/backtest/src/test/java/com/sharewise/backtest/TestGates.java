package com.sharewise.backtest;

import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.SignalAction;
import com.sharewise.rules.model.SignalFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules a test can reason about by hand: every entry signal becomes a CNC market order of a fixed
 * quantity, every exit closes the position at market (and is dropped when there is none); the risk
 * rules approve everything.
 */
final class TestGates {

  private TestGates() {}

  static BacktestGates fixedSize(long quantity) {
    return new BacktestGates(new FixedSize(quantity), new ApproveAll());
  }

  /** Sizes entries at {@code quantity}, exits at the position. */
  record FixedSize(long quantity) implements SignalGate {
    @Override
    public SignalVerdict evaluate(SignalFact signal, SignalContext context) {
      boolean entry =
          signal.action() == SignalAction.ENTER_LONG || signal.action() == SignalAction.ENTER_SHORT;
      long size =
          entry
              ? quantity
              : context.position() == null ? 0 : Math.abs(context.position().quantity());
      if (size == 0) {
        return new SignalVerdict(
            "", Optional.empty(), "no position", "no-position", List.of(), Map.of(), List.of(), 0);
      }
      OrderIntent intent =
          new OrderIntent(
              "",
              signal.accountId(),
              signal.instrument(),
              signal.side(),
              size,
              PriceType.MARKET,
              0,
              0,
              ProductType.CNC,
              signal.strategyId(),
              signal.price());
      return new SignalVerdict(
          "", Optional.of(intent), "", "", List.of(), Map.of(), List.of("size"), 0);
    }
  }

  /** Approves every order. */
  static final class ApproveAll implements RiskGate {
    @Override
    public Verdict evaluate(OrderIntent intent, RiskContext context) {
      return new Verdict(
          "", Outcome.APPROVE, "", "", 0, 0, "DIRECT", "", List.of(), Map.of(), List.of(), 0);
    }

    @Override
    public Optional<Explanation> explain(String decisionId) {
      return Optional.empty();
    }
  }
}

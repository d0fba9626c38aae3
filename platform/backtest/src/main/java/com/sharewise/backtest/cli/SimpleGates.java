package com.sharewise.backtest.cli;

import com.sharewise.backtest.BacktestGates;
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
import com.sharewise.rules.model.SignalFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signal and risk gates for a backtest run without the node (the command line has no database to
 * read the node's active rule sets from): an entry becomes a CNC market order worth about {@code
 * orderValue} rupees (whole shares, at least one), an exit closes the position at market and is
 * dropped when there is none, and every order is approved. Stateless and thread-safe.
 */
public final class SimpleGates implements SignalGate, RiskGate {

  private final double orderValue;

  /**
   * @param orderValue rupees an entry's order is sized to
   */
  public SimpleGates(double orderValue) {
    if (!(orderValue > 0)) {
      throw new IllegalArgumentException("orderValue must be positive");
    }
    this.orderValue = orderValue;
  }

  public BacktestGates gates() {
    return new BacktestGates(this, this);
  }

  @Override
  public SignalVerdict evaluate(SignalFact signal, SignalContext context) {
    long quantity;
    if (signal.entry()) {
      quantity = Math.max(1, (long) Math.floor(orderValue / Math.max(signal.price(), 0.01)));
    } else {
      long held = context == null || context.position() == null ? 0 : context.position().quantity();
      boolean closes = signal.side() == com.sharewise.rules.model.Side.SELL ? held > 0 : held < 0;
      quantity = closes ? Math.abs(held) : 0;
    }
    if (quantity == 0) {
      return new SignalVerdict(
          "",
          Optional.empty(),
          "no position in " + signal.instrument() + " to exit",
          "no-position",
          List.of(),
          Map.of(),
          List.of("no-position"),
          0);
    }
    OrderIntent intent =
        new OrderIntent(
            "",
            signal.accountId(),
            signal.instrument(),
            signal.side(),
            quantity,
            PriceType.MARKET,
            0,
            0,
            ProductType.CNC,
            signal.strategyId(),
            signal.price());
    return new SignalVerdict(
        "", Optional.of(intent), "", "", List.of(), Map.of(), List.of("size"), 0);
  }

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

package com.sharewise.backtest;

import com.sharewise.rules.RiskGate;
import com.sharewise.rules.SignalGate;
import java.util.Objects;

/**
 * The rules a backtest's signals and orders pass: the node's active signal and risk (and workflow)
 * rule sets for backtests run through the API, so a backtest judges orders as live trading would.
 *
 * @param signals turns signals into order intents, or drops them
 * @param risk judges every order before the paper broker sees it
 */
public record BacktestGates(SignalGate signals, RiskGate risk) {
  public BacktestGates {
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(risk, "risk");
  }
}

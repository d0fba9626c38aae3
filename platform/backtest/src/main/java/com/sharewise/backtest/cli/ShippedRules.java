package com.sharewise.backtest.cli;

import com.sharewise.backtest.BacktestGates;
import com.sharewise.rules.OfflineRules;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.packs.DefaultPacks;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rule packs the platform ships (signal, risk and workflow), compiled and judged by the rules
 * engine without a database, with the default limits: for a backtest away from a node that should
 * still judge signals and orders as a freshly installed node does.
 */
public final class ShippedRules {

  private ShippedRules() {}

  /**
   * Compiles the shipped packs (a second or two).
   *
   * @param timeBudget longest one evaluation may take before it fails closed
   */
  public static BacktestGates gates(Duration timeBudget) {
    Map<RuleKind, String> drl = new EnumMap<>(RuleKind.class);
    for (RuleKind kind : RuleKind.values()) {
      drl.put(kind, DefaultPacks.of(kind.id()).drl());
    }
    OfflineRules rules = OfflineRules.compile(drl, timeBudget, Clock.systemUTC());
    return new BacktestGates(rules, rules);
  }
}

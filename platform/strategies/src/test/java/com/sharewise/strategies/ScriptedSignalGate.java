package com.sharewise.strategies;

import com.sharewise.rules.SignalContext;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.SignalFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Signal rules a test scripts: by default every signal becomes a MIS market order of 10 shares; the
 * test can size, price, drop, or make the engine fail. Records what it was asked.
 */
final class ScriptedSignalGate implements SignalGate {

  final List<SignalFact> asked = new CopyOnWriteArrayList<>();
  final List<SignalContext> contexts = new CopyOnWriteArrayList<>();
  private volatile Function<SignalFact, SignalVerdict> answer = fact -> order(fact, 10, 0);
  private int decisions;

  /** Answers every signal with {@code verdict}. */
  void answer(Function<SignalFact, SignalVerdict> verdict) {
    answer = verdict;
  }

  @Override
  public SignalVerdict evaluate(SignalFact signal, SignalContext context) {
    asked.add(signal);
    contexts.add(context);
    return answer.apply(signal);
  }

  /** An order intent of {@code quantity} shares, a limit order when {@code limit > 0}. */
  SignalVerdict order(SignalFact fact, long quantity, double limit) {
    return new SignalVerdict(
        "D" + next(),
        Optional.of(
            new OrderIntent(
                "",
                fact.accountId(),
                fact.instrument(),
                fact.side(),
                quantity,
                limit > 0 ? PriceType.LIMIT : PriceType.MARKET,
                limit,
                0,
                ProductType.MIS,
                fact.strategyId(),
                fact.price())),
        "",
        "",
        List.of(),
        Map.of("signal", 1),
        List.of("size"),
        0);
  }

  /** A drop by {@code rule}. */
  SignalVerdict drop(String rule, String reason) {
    return new SignalVerdict(
        "D" + next(), Optional.empty(), reason, rule, List.of(), Map.of(), List.of(rule), 0);
  }

  private synchronized int next() {
    return ++decisions;
  }
}

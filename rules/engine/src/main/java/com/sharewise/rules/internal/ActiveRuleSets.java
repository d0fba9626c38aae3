package com.sharewise.rules.internal;

import com.sharewise.rules.RuleKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The compiled rule set each kind runs now. A swap replaces the reference atomically; an evaluation
 * reads the reference once and keeps its rule set to the end, so it never sees half of two
 * versions. Thread-safe.
 */
public final class ActiveRuleSets {

  private final Map<RuleKind, AtomicReference<CompiledRuleSet>> active =
      new EnumMap<>(RuleKind.class);
  private volatile Consumer<CompiledRuleSet> onSwap = s -> {};

  public ActiveRuleSets() {
    for (RuleKind kind : RuleKind.values()) {
      active.put(kind, new AtomicReference<>());
    }
  }

  /** The rule set {@code kind} runs now, or null when none compiled. */
  public CompiledRuleSet get(RuleKind kind) {
    return active.get(kind).get();
  }

  /** Makes {@code compiled} the one its kind runs; returns the one it replaced (or null). */
  public CompiledRuleSet swap(CompiledRuleSet compiled) {
    CompiledRuleSet previous = active.get(compiled.kind()).getAndSet(compiled);
    onSwap.accept(compiled);
    return previous;
  }

  /** Called after every swap (for logs and metrics). */
  public void onSwap(Consumer<CompiledRuleSet> listener) {
    this.onSwap = listener;
  }
}

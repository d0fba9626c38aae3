package com.sharewise.rules.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;

/**
 * Which classes of fact some pattern of a knowledge base can match: those for which its network has
 * an object-type node. A fact of any other class reaches no rule; inserting it would only cost the
 * insertion and the reset (the workflow rules, for one, read four of the eleven facts an order
 * brings). Answers are worked out once per class. Thread-safe.
 */
final class MatchedTypes {

  private final KieBase base;
  private final Map<Class<?>, Boolean> known = new ConcurrentHashMap<>();

  MatchedTypes(KieBase base) {
    this.base = base;
  }

  /** Whether a fact of {@code type} can take part in any rule. */
  boolean matches(Class<?> type) {
    Boolean matches = known.get(type);
    if (matches == null) {
      matches = lookUp(type);
      known.put(type, matches);
    }
    return matches;
  }

  private boolean lookUp(Class<?> type) {
    if (!(base instanceof InternalRuleBase internal)) {
      return true; // a knowledge base we cannot look into: insert everything, as before
    }
    for (ObjectType patterns :
        internal.getRete().getObjectTypeNodes(EntryPointId.DEFAULT).keySet()) {
      if (patterns.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}

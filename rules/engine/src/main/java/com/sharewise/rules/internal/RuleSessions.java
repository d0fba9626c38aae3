package com.sharewise.rules.internal;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Where evaluations of one knowledge base get their sessions: a pool of sessions that are reset
 * when given back. The knowledge base is built for this use: it is never changed after compiling (a
 * new version is a new knowledge base), and a session is used by one thread at a time. Telling
 * Drools both lets it skip work on every evaluation: an immutable base keeps facts in a plain
 * identity store instead of per-class stores rebuilt after each reset, and a session without
 * cross-thread locking propagates each insert at once instead of through a synchronised queue.
 * Thread-safe.
 */
public final class RuleSessions {

  private final KieSessionsPool pool;
  private final KieSessionConfiguration configuration;

  private RuleSessions(KieSessionsPool pool, KieSessionConfiguration configuration) {
    this.pool = pool;
    this.configuration = configuration;
  }

  /** A knowledge base of {@code container}'s rules, built to be evaluated through this class. */
  static KieBase newBase(KieContainer container) {
    var configuration = KieServices.Factory.get().newKieBaseConfiguration();
    configuration.setOption(KieBaseMutabilityOption.DISABLED);
    return container.newKieBase(configuration);
  }

  /**
   * @param size sessions kept ready (the pool grows on demand)
   */
  static RuleSessions on(KieBase base, int size) {
    KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
    // one thread at a time: the pool hands a session out exclusively until it is given back
    configuration.setOption(ThreadSafeOption.NO);
    return new RuleSessions(base.newKieSessionsPool(size), configuration);
  }

  /** A session with no facts, for one evaluation; {@code dispose()} gives it back reset. */
  KieSession take() {
    return pool.newKieSession(configuration);
  }
}

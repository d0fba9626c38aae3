package com.sharewise.rules;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.rules.internal.ActiveRuleSets;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DecisionRecorder;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.FactResolver;
import com.sharewise.rules.internal.Json;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.PluginRules;
import com.sharewise.rules.internal.RuleSetStore;
import com.sharewise.rules.internal.RulesEngine;
import com.sharewise.rules.internal.ScenarioRunner;
import com.sharewise.rules.internal.ShadowMode;
import com.sharewise.rules.internal.StoredDecisionHistory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules area of one node, wired: the gates orders and signals pass ({@link #riskGate()}, {@link
 * #signalGate()}), the authoring and approval service, cluster-wide activation over a Hazelcast
 * topic, plugin rule resources and the decision log.
 *
 * <p>{@link #start} imports the default packs as version 1 of each kind when the database has none
 * (approved and activated by {@code system}), then compiles the active version of every kind and
 * swaps it in. A kind whose active version does not compile has no rule set: its orders fail closed
 * and health reports it.
 */
public final class Rules implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Rules.class);

  /** The topic nodes announce activations and limit changes on. */
  public static final String TOPIC = "sharewise.rules";

  /**
   * A default rule set shipped with the platform.
   *
   * @param kind which kind
   * @param drl the rules
   * @param scenariosJson its scenarios, a JSON array
   */
  public record DefaultPack(RuleKind kind, String drl, String scenariosJson) {}

  private final RuleSetService service;
  private final RulesEngine engine;
  private final ActiveRuleSets active;
  private final DecisionRecorder recorder;
  private final ShadowMode shadow;
  private final ExecutorService background;
  private final Runnable stopListening;
  private final CompletableFuture<Void> ready;

  private Rules(
      RuleSetService service,
      RulesEngine engine,
      ActiveRuleSets active,
      DecisionRecorder recorder,
      ShadowMode shadow,
      ExecutorService background,
      Runnable stopListening,
      CompletableFuture<Void> ready) {
    this.service = service;
    this.engine = engine;
    this.active = active;
    this.recorder = recorder;
    this.shadow = shadow;
    this.background = background;
    this.stopListening = stopListening;
    this.ready = ready;
  }

  /**
   * Starts the rules area.
   *
   * @param hazelcast the cluster member, or null for a node alone (tests)
   * @param plugins the plugin host whose bundles may ship rules, or null
   */
  public static Rules start(
      DSLContext dsl,
      AuditTrail audit,
      HazelcastInstance hazelcast,
      PluginHost plugins,
      Clock clock,
      RulesSettings settings,
      List<DefaultPack> defaults) {
    DrlCompiler compiler = new DrlCompiler(clock, settings.sessionPool());
    Judge judge =
        new Judge(
            new Evaluator(
                new Evaluator.Budget(settings.maxFirings(), settings.timeBudget().toNanos())));
    RuleSetStore store = new RuleSetStore(dsl);
    ActiveRuleSets active = new ActiveRuleSets();
    DecisionRecorder recorder = new DecisionRecorder(dsl, settings.decisionQueue());
    ShadowMode shadow = new ShadowMode(dsl, judge, clock);
    PluginRules pluginRules = new PluginRules(plugins, compiler);
    RuleSetService service =
        new RuleSetService(
            store,
            compiler,
            // scenarios test logic, not speed: a generous time budget keeps a slow machine from
            // failing them
            new ScenarioRunner(
                new Judge(
                    new Evaluator(new Evaluator.Budget(settings.maxFirings(), 10_000_000_000L)))),
            active,
            audit,
            shadow,
            new StoredDecisionHistory(dsl),
            pluginRules,
            clock);
    FactResolver resolver = new FactResolver(service::limitData, clock, settings.holidays());
    RulesEngine engine = new RulesEngine(active, resolver, judge, recorder, shadow, clock);
    ExecutorService background =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "rules-reload");
              t.setDaemon(true);
              return t;
            });
    Runnable stopListening = () -> {};
    try {
      service.reloadLimits();
      importDefaults(store, audit, clock, defaults);
      if (plugins != null) {
        pluginRules.start(
            kinds ->
                background.execute(
                    () -> kinds.forEach(kind -> reload(service, kind, true, "plugin rules"))));
      }
      CompletableFuture<Void> ready;
      if (settings.compileInBackground()) {
        // the node serves at once; orders fail closed ("no-active-rule-set") and health says
        // STARTING for the seconds the first compilation takes
        ready = compileAll(service, active);
      } else {
        compileAll(service, active).join();
        ready = CompletableFuture.completedFuture(null);
      }
      if (hazelcast != null) {
        stopListening = listen(hazelcast, service, background);
      }
      return new Rules(service, engine, active, recorder, shadow, background, stopListening, ready);
    } catch (RuntimeException e) {
      recorder.close();
      shadow.close();
      background.shutdownNow();
      throw e;
    }
  }

  /**
   * Compiles the active version of every kind, the kinds side by side (start-up waits for the
   * slowest, not the sum), each on its own short-lived thread. The future completes when all are
   * done, whether they compiled or not (failures are logged; health shows what runs).
   */
  private static CompletableFuture<Void> compileAll(RuleSetService service, ActiveRuleSets active) {
    // One thread for all three was tried: on two cores shared with HTTP start-up it got the node
    // ready later (about 1.5 s on a busy machine), so the kinds keep a thread each.
    List<CompletableFuture<Void>> builds = new ArrayList<>();
    for (RuleKind kind : RuleKind.values()) {
      CompletableFuture<Void> build = new CompletableFuture<>();
      Thread.ofPlatform()
          .name("rules-compile-" + kind.id())
          .daemon()
          .start(
              () -> {
                try {
                  reload(service, kind, true, "start-up");
                  CompiledRuleSet compiled = active.get(kind);
                  if (compiled != null) {
                    LOG.atInfo()
                        .addKeyValue("kind", kind.id())
                        .addKeyValue("version", compiled.version())
                        .addKeyValue("ms", compiled.compileMillis())
                        .log("active rule set compiled");
                  }
                } finally {
                  build.complete(null);
                }
              });
      builds.add(build);
    }
    return CompletableFuture.allOf(builds.toArray(CompletableFuture[]::new));
  }

  private static void reload(RuleSetService service, RuleKind kind, boolean force, String why) {
    try {
      service.reloadActive(kind, force);
    } catch (RuntimeException e) {
      LOG.atError()
          .setCause(e)
          .addKeyValue("kind", kind.id())
          .log("cannot compile the active rule set ({}): keeping what runs", why);
    }
  }

  private static Runnable listen(
      HazelcastInstance hazelcast, RuleSetService service, ExecutorService background) {
    ITopic<String> topic = hazelcast.getTopic(TOPIC);
    UUID registration =
        topic.addMessageListener(
            message -> {
              if (message.getPublishingMember() != null
                  && message.getPublishingMember().localMember()) {
                return; // this node did it already
              }
              String text = message.getMessageObject();
              background.execute(
                  () -> {
                    if (text.equals("limits")) {
                      service.reloadLimits();
                    } else if (text.startsWith("activate:")) {
                      reload(
                          service,
                          RuleKind.parse(text.substring("activate:".length())),
                          false,
                          "activated on another node");
                    }
                  });
            });
    service.onClusterPublish(topic::publish);
    return () -> topic.removeMessageListener(registration);
  }

  /** A default pack imported as version 1, with its number of scenarios. */
  private record Imported(RuleSetVersion version, int scenarios) {}

  private static void importDefaults(
      RuleSetStore store, AuditTrail audit, Clock clock, List<DefaultPack> defaults) {
    Map<RuleKind, DefaultPack> byKind = new EnumMap<>(RuleKind.class);
    defaults.forEach(p -> byKind.put(p.kind(), p));
    for (DefaultPack pack : byKind.values()) {
      RuleKind kind = pack.kind();
      Imported imported =
          store.locked(
              kind,
              tx -> {
                if (store.hasVersions(tx, kind)) {
                  return null;
                }
                // parsed only for an import: every start but the first skips reading them
                List<Scenario> scenarios = Json.scenarios(pack.scenariosJson());
                // no compile here: the packs are tested at build time, and compiling happens once,
                // for every kind side by side, right after this import
                java.time.Instant now = clock.instant();
                RuleSetVersion v1 =
                    store.insert(
                        tx,
                        new RuleSetStore.Draft(
                            kind,
                            pack.drl(),
                            RuleSetService.sha256(pack.drl()),
                            AuditRecord.SYSTEM,
                            "default " + kind.id() + " pack",
                            VersionStatus.DRAFT,
                            List.of(),
                            List.of()),
                        now);
                store.submitted(tx, v1.id(), AuditRecord.SYSTEM, now);
                store.reviewed(
                    tx,
                    v1.id(),
                    VersionStatus.APPROVED,
                    AuditRecord.SYSTEM,
                    "shipped with the platform",
                    now);
                store.activate(tx, kind, v1.id(), AuditRecord.SYSTEM, now);
                for (Scenario scenario : scenarios) {
                  store.saveScenario(tx, kind, scenario, AuditRecord.SYSTEM, now);
                }
                return new Imported(v1, scenarios.size());
              });
      if (imported != null) {
        audit.append(
            new AuditRecord(
                AuditRecord.SYSTEM,
                "RULESET_DEFAULT_IMPORTED",
                RuleSetService.TARGET,
                imported.version().label(),
                Map.of(
                    "hash",
                    imported.version().contentHash(),
                    "scenarios",
                    String.valueOf(imported.scenarios()))));
        LOG.atInfo().addKeyValue("kind", kind.id()).log("default rule pack imported as version 1");
      }
    }
  }

  /** Whether the start-up compilation is done (the active rule sets run, or failed to compile). */
  public boolean isReady() {
    return ready.isDone();
  }

  /**
   * Completes when the start-up compilation is done, whether every kind compiled or not (what runs
   * is in {@link #runningVersions}). Completing it from outside has no effect on the rules.
   */
  public CompletableFuture<Void> whenReady() {
    return ready.copy();
  }

  /** Waits up to {@code timeout} for the start-up compilation; true when it is done. */
  public boolean awaitReady(java.time.Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true; // failures are logged per kind; the health check shows what runs
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The gate every order passes (publish it for the order area). */
  public RiskGate riskGate() {
    return engine;
  }

  /** The gate every strategy signal passes. */
  public SignalGate signalGate() {
    return engine;
  }

  public RuleSetService service() {
    return service;
  }

  /** The rule-set version each kind runs on this node, by kind id (absent = none: fail closed). */
  public Map<String, Integer> runningVersions() {
    Map<String, Integer> running = new java.util.LinkedHashMap<>();
    for (RuleKind kind : RuleKind.values()) {
      CompiledRuleSet set = active.get(kind);
      if (set != null) {
        running.put(kind.id(), set.version());
      }
    }
    return running;
  }

  /** Decisions waiting to be written, and explanations dropped because the queue was full. */
  public Map<String, Long> decisionLog() {
    return Map.of(
        "written", recorder.written(),
        "queued", (long) recorder.backlog(),
        "dropped", recorder.dropped());
  }

  /** Waits until recorded decisions and live shadow comparisons are written (tests). */
  public void flush() {
    shadow.awaitIdle(5_000);
    recorder.flush(5_000);
  }

  @Override
  public void close() {
    stopListening.run();
    background.shutdown();
    try {
      background.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shadow.close();
    recorder.close();
  }
}

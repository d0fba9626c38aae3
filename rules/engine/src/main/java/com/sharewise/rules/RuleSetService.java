package com.sharewise.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.rules.RuleSetException.Reason;
import com.sharewise.rules.internal.ActiveRuleSets;
import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Json;
import com.sharewise.rules.internal.LimitData;
import com.sharewise.rules.internal.PluginRules;
import com.sharewise.rules.internal.RuleSetStore;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.internal.ScenarioRunner;
import com.sharewise.rules.internal.ShadowMode;
import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.RestrictedInstrument;
import com.sharewise.server.Roles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authoring, testing, four-eyes approval, activation, rollback, shadow runs and limits of the rule
 * sets. Every change is written to the audit trail. Activation is cluster-wide: the active version
 * per kind lives in PostgreSQL and other nodes are told to compile and swap to it.
 *
 * <p>Thread-safe. Compiling takes hundreds of milliseconds; calls that compile (create, submit,
 * activate, rollback, shadow) block for that long.
 */
public final class RuleSetService {

  private static final Logger LOG = LoggerFactory.getLogger(RuleSetService.class);
  static final String TARGET = "ruleset";

  private final RuleSetStore store;
  private final DrlCompiler compiler;
  private final ScenarioRunner scenarios;
  private final ActiveRuleSets active;
  private final AuditTrail audit;
  private final ShadowMode shadow;
  private final DecisionHistory history;
  private final PluginRules plugins;
  private final Clock clock;
  private volatile LimitData limits = LimitData.defaultsOnly();
  private volatile Consumer<String> cluster = message -> {};

  RuleSetService(
      RuleSetStore store,
      DrlCompiler compiler,
      ScenarioRunner scenarios,
      ActiveRuleSets active,
      AuditTrail audit,
      ShadowMode shadow,
      DecisionHistory history,
      PluginRules plugins,
      Clock clock) {
    this.store = store;
    this.compiler = compiler;
    this.scenarios = scenarios;
    this.active = active;
    this.audit = audit;
    this.shadow = shadow;
    this.history = history;
    this.plugins = plugins;
    this.clock = clock;
  }

  /** Where activation and limit changes are announced to the other nodes. */
  void onClusterPublish(Consumer<String> publisher) {
    this.cluster = publisher;
  }

  LimitData limitData() {
    return limits;
  }

  // ---- versions

  /**
   * Checks, compiles and tests {@code drl}, and stores it as a draft of the next version.
   *
   * @throws RuleSetException {@code INVALID_DRL} with every problem (line, column) when it does not
   *     compile or uses a forbidden construct; nothing is stored and the active version is
   *     untouched
   */
  public RuleSetVersion createVersion(RuleKind kind, String drl, String comment, Actor actor) {
    if (drl == null || drl.isBlank()) {
      throw new RuleSetException(Reason.INVALID_REQUEST, "the rule set's DRL is empty");
    }
    CompileResult result = compile(kind, 0, 0, drl);
    if (!result.ok()) {
      List<DrlProblem> errors = result.errors();
      throw new RuleSetException(
          Reason.INVALID_DRL,
          kind.id() + " rules refused: " + errors.size() + " problem(s); first: " + errors.get(0),
          errors);
    }
    List<ScenarioResult> results = scenarios.run(result.compiled(), scenarioList(kind));
    Instant now = clock.instant();
    RuleSetVersion created =
        store.locked(
            kind,
            tx ->
                store.insert(
                    tx,
                    new RuleSetStore.Draft(
                        kind,
                        drl,
                        sha256(drl),
                        actor.name(),
                        comment,
                        VersionStatus.DRAFT,
                        result.problems(),
                        results),
                    now));
    audit(
        actor,
        "RULESET_VERSION_CREATED",
        created,
        Map.of(
            "hash", created.contentHash(),
            "scenariosPassed", String.valueOf(created.scenariosPassed())));
    return created;
  }

  public List<RuleSetVersion> versions(RuleKind kind) {
    return store.versions(kind);
  }

  public RuleSetVersion version(RuleKind kind, int version) {
    return store
        .version(kind, version)
        .orElseThrow(
            () ->
                new RuleSetException(
                    Reason.NOT_FOUND, "there is no " + kind.id() + " version " + version));
  }

  public Optional<RuleSetVersion> activeVersion(RuleKind kind) {
    return store.active(kind);
  }

  /** A unified diff from one version's DRL to another's. */
  public String diff(RuleKind kind, int from, int to) {
    RuleSetVersion a = version(kind, from);
    RuleSetVersion b = version(kind, to);
    List<String> before = a.drl().lines().toList();
    List<String> after = b.drl().lines().toList();
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff(
            a.label(), b.label(), before, DiffUtils.diff(before, after), 3);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /**
   * Submits a draft for approval after running the kind's scenarios again.
   *
   * @throws RuleSetException {@code CONFLICT} when it is not a draft or a scenario fails (naming
   *     which)
   */
  public RuleSetVersion submit(RuleKind kind, int number, Actor actor) {
    RuleSetVersion version = version(kind, number);
    if (version.status() != VersionStatus.DRAFT && version.status() != VersionStatus.REJECTED) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label() + " is " + version.status() + "; only a draft can be submitted");
    }
    List<ScenarioResult> results = rerunScenarios(version);
    requirePassing(version, results, "submitted");
    store.locked(
        kind,
        tx -> {
          store.submitted(tx, version.id(), actor.name(), clock.instant());
          return null;
        });
    RuleSetVersion submitted = version(kind, number);
    audit(actor, "RULESET_SUBMITTED", submitted, Map.of());
    return submitted;
  }

  /**
   * Approves a submitted version: four eyes, so the approver must hold the risk-officer role and be
   * neither its author nor its submitter.
   */
  public RuleSetVersion approve(RuleKind kind, int number, String comment, Actor actor) {
    return review(kind, number, comment, actor, VersionStatus.APPROVED, "RULESET_APPROVED");
  }

  /** Sends a submitted version back; the same four-eyes rule applies. */
  public RuleSetVersion reject(RuleKind kind, int number, String comment, Actor actor) {
    return review(kind, number, comment, actor, VersionStatus.REJECTED, "RULESET_REJECTED");
  }

  private RuleSetVersion review(
      RuleKind kind,
      int number,
      String comment,
      Actor actor,
      VersionStatus outcome,
      String action) {
    if (!actor.has(Roles.RISK_OFFICER)) {
      throw new RuleSetException(
          Reason.FORBIDDEN,
          actor.name() + " is not a risk officer: only a risk officer may review rule sets");
    }
    RuleSetVersion version = version(kind, number);
    if (version.status() != VersionStatus.SUBMITTED) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label() + " is " + version.status() + "; only a submitted version is reviewed");
    }
    if (actor.name().equals(version.author()) || actor.name().equals(version.submittedBy())) {
      throw new RuleSetException(
          Reason.FORBIDDEN,
          "four eyes: "
              + actor.name()
              + " wrote or submitted "
              + version.label()
              + "; a different risk officer must review it");
    }
    store.locked(
        kind,
        tx -> {
          store.reviewed(tx, version.id(), outcome, actor.name(), comment, clock.instant());
          return null;
        });
    RuleSetVersion reviewed = version(kind, number);
    audit(actor, action, reviewed, Map.of("comment", comment == null ? "" : comment));
    return reviewed;
  }

  /**
   * Activates an approved version on every node: compiles it, runs the scenarios once more, makes
   * it the active version in the database, swaps it in here and tells the other nodes.
   *
   * @throws RuleSetException {@code CONFLICT} when it is not approved or a scenario fails
   */
  public RuleSetVersion activate(RuleKind kind, int number, Actor actor) {
    RuleSetVersion version = version(kind, number);
    if (version.status() != VersionStatus.APPROVED) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label()
              + " is "
              + version.status()
              + (version.status() == VersionStatus.ACTIVE
                  ? " already"
                  : "; it must be submitted and approved by a second risk officer before"
                      + " activation (use rollback for a version that ran before)"));
    }
    return switchTo(version, actor, "RULESET_ACTIVATED", true);
  }

  /** Makes an earlier, once-approved version active again, in one call. */
  public RuleSetVersion rollback(RuleKind kind, int number, Actor actor) {
    RuleSetVersion version = version(kind, number);
    if (!version.status().approvedOnce()) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label() + " was never approved (" + version.status() + "); it cannot run");
    }
    if (version.status() == VersionStatus.ACTIVE) {
      throw new RuleSetException(Reason.CONFLICT, version.label() + " is already active");
    }
    return switchTo(version, actor, "RULESET_ROLLED_BACK", false);
  }

  private RuleSetVersion switchTo(
      RuleSetVersion version, Actor actor, String action, boolean scenariosMustPass) {
    RuleKind kind = version.kind();
    CompiledRuleSet compiled = compileVersion(version);
    List<ScenarioResult> results = scenarios.run(compiled, scenarioList(kind));
    if (scenariosMustPass) {
      requirePassing(version, results, "activated");
    }
    Optional<RuleSetVersion> previous = store.active(kind);
    store.locked(
        kind,
        tx -> {
          RuleSetVersion current = store.version(tx, kind, version.version()).orElseThrow();
          if (current.status() != version.status()) {
            throw new RuleSetException(
                Reason.CONFLICT,
                version.label() + " changed meanwhile: it is now " + current.status());
          }
          store.updateScenarioResults(tx, version.id(), results);
          store.activate(tx, kind, version.id(), actor.name(), clock.instant());
          return null;
        });
    active.swap(compiled);
    cluster.accept("activate:" + kind.id());
    RuleSetVersion now = version(kind, version.version());
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("previous", previous.map(p -> String.valueOf(p.version())).orElse(""));
    detail.put("compileMillis", String.valueOf(compiled.compileMillis()));
    detail.put("hash", now.contentHash());
    audit(actor, action, now, detail);
    LOG.atInfo()
        .addKeyValue("kind", kind.id())
        .addKeyValue("version", now.version())
        .addKeyValue("by", actor.name())
        .log("rule set activated");
    return now;
  }

  // ---- runtime: compile the active versions

  /**
   * Compiles and swaps in the active version of {@code kind} (with plugin rules) if it differs from
   * what runs here. Called at start-up, when another node activated a version and when a plugin's
   * rules changed.
   */
  public void reloadActive(RuleKind kind, boolean force) {
    Optional<RuleSetVersion> version = store.active(kind);
    if (version.isEmpty()) {
      LOG.atWarn().addKeyValue("kind", kind.id()).log("no active rule set: orders fail closed");
      return;
    }
    CompiledRuleSet running = active.get(kind);
    if (!force && running != null && running.versionId() == version.get().id()) {
      return;
    }
    active.swap(compileVersion(version.get()));
  }

  private CompiledRuleSet compileVersion(RuleSetVersion version) {
    CompileResult result = compile(version.kind(), version.id(), version.version(), version.drl());
    if (!result.ok()) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label() + " no longer compiles: " + result.errors(),
          result.errors());
    }
    return result.compiled();
  }

  private CompileResult compile(RuleKind kind, long versionId, int number, String drl) {
    List<RuleSource> sources = new java.util.ArrayList<>();
    sources.add(new RuleSource(RuleSource.RULESET, drl));
    sources.addAll(plugins.sources(kind));
    return compiler.compile(kind, versionId, number, sha256(drl), sources, plugins.plugins(kind));
  }

  // ---- scenarios

  public List<Scenario> scenarioList(RuleKind kind) {
    return store.scenarios(kind).stream().map(RuleSetStore.StoredScenario::scenario).toList();
  }

  public Scenario saveScenario(RuleKind kind, Scenario scenario, Actor actor) {
    if (scenario.name() == null || scenario.name().isBlank()) {
      throw new RuleSetException(Reason.INVALID_REQUEST, "a scenario needs a name");
    }
    boolean signal = kind == RuleKind.SIGNAL;
    if (signal ? scenario.given().signal() == null : scenario.given().order() == null) {
      throw new RuleSetException(
          Reason.INVALID_REQUEST,
          "a " + kind.id() + " scenario needs given." + (signal ? "signal" : "order"));
    }
    store.locked(
        kind,
        tx -> {
          store.saveScenario(tx, kind, scenario, actor.name(), clock.instant());
          return null;
        });
    audit.append(
        new AuditRecord(
            actor.name(),
            "RULESET_SCENARIO_SAVED",
            TARGET,
            kind.id(),
            Map.of("scenario", scenario.name())));
    return scenario;
  }

  public void deleteScenario(RuleKind kind, String name, Actor actor) {
    if (!store.deleteScenario(kind, name)) {
      throw new RuleSetException(
          Reason.NOT_FOUND, "there is no " + kind.id() + " scenario named '" + name + "'");
    }
    audit.append(
        new AuditRecord(
            actor.name(), "RULESET_SCENARIO_DELETED", TARGET, kind.id(), Map.of("scenario", name)));
  }

  /** Runs the kind's scenarios against a version (null = the active one); stores nothing. */
  public List<ScenarioResult> runScenarios(RuleKind kind, Integer number) {
    CompiledRuleSet set =
        number == null ? activeOrFail(kind) : compileVersion(version(kind, number));
    return scenarios.run(set, scenarioList(kind));
  }

  /** What a version (null = the active one) would decide about the given facts. */
  public DryRun dryRun(RuleKind kind, Integer number, Scenario.Given given) {
    CompiledRuleSet set =
        number == null ? activeOrFail(kind) : compileVersion(version(kind, number));
    ScenarioResult result = scenarios.run(set, new Scenario("dry run", "", given, null));
    if (!result.passed()) {
      throw new RuleSetException(Reason.INVALID_REQUEST, String.join("; ", result.failures()));
    }
    return new DryRun(kind, set.version(), result.actual(), result.firedRules(), result.actual());
  }

  private CompiledRuleSet activeOrFail(RuleKind kind) {
    CompiledRuleSet set = active.get(kind);
    if (set == null) {
      throw new RuleSetException(Reason.CONFLICT, "no " + kind.id() + " rule set is active");
    }
    return set;
  }

  private List<ScenarioResult> rerunScenarios(RuleSetVersion version) {
    List<ScenarioResult> results =
        scenarios.run(compileVersion(version), scenarioList(version.kind()));
    store.locked(
        version.kind(),
        tx -> {
          store.updateScenarioResults(tx, version.id(), results);
          return null;
        });
    return results;
  }

  private static void requirePassing(
      RuleSetVersion version, List<ScenarioResult> results, String what) {
    List<String> failing =
        results.stream()
            .filter(r -> !r.passed())
            .map(r -> "'" + r.name() + "' (" + String.join("; ", r.failures()) + ")")
            .toList();
    if (!failing.isEmpty()) {
      throw new RuleSetException(
          Reason.CONFLICT,
          version.label()
              + " cannot be "
              + what
              + ": "
              + failing.size()
              + " scenario(s) fail: "
              + String.join(", ", failing));
    }
  }

  // ---- shadow mode

  public ShadowReport startShadow(RuleKind kind, int number, Actor actor) {
    RuleSetVersion version = version(kind, number);
    long runId = shadow.startLive(compileVersion(version), actor.name());
    audit(actor, "RULESET_SHADOW_STARTED", version, Map.of("run", String.valueOf(runId)));
    return shadow.report(runId, 0).orElseThrow();
  }

  public ShadowReport stopShadow(RuleKind kind, Actor actor) {
    long runId =
        shadow
            .stopLive(kind)
            .orElseThrow(
                () ->
                    new RuleSetException(
                        Reason.CONFLICT, "no shadow run of " + kind.id() + " rules is live"));
    audit.append(
        new AuditRecord(
            actor.name(),
            "RULESET_SHADOW_STOPPED",
            TARGET,
            kind.id(),
            Map.of("run", String.valueOf(runId))));
    return shadow.report(runId, 1000).orElseThrow();
  }

  /** Replays a version over recorded decisions in {@code [from, to)} (at most {@code limit}). */
  public ShadowReport replay(
      RuleKind kind, int number, Instant from, Instant to, int limit, Actor actor) {
    RuleSetVersion version = version(kind, number);
    long runId =
        shadow.replay(
            compileVersion(version), activeOrFail(kind), history, from, to, limit, actor.name());
    audit(actor, "RULESET_SHADOW_REPLAYED", version, Map.of("run", String.valueOf(runId)));
    return shadow.report(runId, 1000).orElseThrow();
  }

  public List<ShadowReport> shadowRuns(RuleKind kind) {
    return shadow.runs(kind);
  }

  public ShadowReport shadowReport(RuleKind kind, long runId, int limit) {
    return shadow
        .report(runId, limit)
        .filter(r -> r.kind() == kind)
        .orElseThrow(
            () ->
                new RuleSetException(
                    Reason.NOT_FOUND, "there is no " + kind.id() + " shadow run " + runId));
  }

  // ---- plugins

  public List<PluginRuleSet> pluginRules() {
    return plugins.all();
  }

  // ---- limits as data

  public Limits limits(String accountId) {
    return Limits.DEFAULT_ACCOUNT.equals(accountId)
        ? limits.defaults()
        : limits.limitsFor(accountId);
  }

  public List<Limits> accountLimits() {
    return List.copyOf(limits.byAccount().values());
  }

  public Limits putLimits(Limits given, Actor actor) {
    store.putLimits(given, actor.name(), clock.instant());
    limitsChanged(
        actor, "RISK_LIMITS_CHANGED", given.accountId(), Map.of("limits", Json.write(given)));
    return given;
  }

  public void deleteLimits(String accountId, Actor actor) {
    if (!store.deleteLimits(accountId)) {
      throw new RuleSetException(Reason.NOT_FOUND, "account " + accountId + " has no own limits");
    }
    limitsChanged(actor, "RISK_LIMITS_DELETED", accountId, Map.of());
  }

  public List<RestrictedInstrument> restricted() {
    return limits.restricted().values().stream()
        .sorted(java.util.Comparator.comparing(RestrictedInstrument::instrument))
        .toList();
  }

  public RestrictedInstrument restrict(RestrictedInstrument entry, Actor actor) {
    store.putRestricted(entry, actor.name(), clock.instant());
    limitsChanged(
        actor, "INSTRUMENT_RESTRICTED", entry.instrument(), Map.of("reason", entry.reason()));
    return entry;
  }

  public void unrestrict(String instrument, Actor actor) {
    if (!store.deleteRestricted(instrument)) {
      throw new RuleSetException(Reason.NOT_FOUND, instrument + " is not restricted");
    }
    limitsChanged(actor, "INSTRUMENT_UNRESTRICTED", instrument, Map.of());
  }

  public List<InstrumentLimit> instrumentLimits() {
    return limits.instrumentLimits().values().stream()
        .sorted(java.util.Comparator.comparing(InstrumentLimit::instrument))
        .toList();
  }

  public InstrumentLimit putInstrumentLimit(InstrumentLimit limit, Actor actor) {
    store.putInstrumentLimit(limit, actor.name(), clock.instant());
    limitsChanged(
        actor,
        "INSTRUMENT_LIMIT_CHANGED",
        limit.instrument(),
        Map.of("maxPositionQuantity", String.valueOf(limit.maxPositionQuantity())));
    return limit;
  }

  public void deleteInstrumentLimit(String instrument, Actor actor) {
    if (!store.deleteInstrumentLimit(instrument)) {
      throw new RuleSetException(Reason.NOT_FOUND, instrument + " has no own position limit");
    }
    limitsChanged(actor, "INSTRUMENT_LIMIT_DELETED", instrument, Map.of());
  }

  /** Re-reads the limits from the store (start-up, and when another node changed them). */
  public void reloadLimits() {
    limits = store.limitData();
  }

  private void limitsChanged(
      Actor actor, String action, String target, Map<String, String> detail) {
    reloadLimits();
    cluster.accept("limits");
    audit.append(new AuditRecord(actor.name(), action, "risk-limits", target, detail));
  }

  // ---- helpers

  private void audit(
      Actor actor, String action, RuleSetVersion version, Map<String, String> detail) {
    Map<String, String> all = new LinkedHashMap<>(detail);
    all.put("kind", version.kind().id());
    all.put("version", String.valueOf(version.version()));
    audit.append(new AuditRecord(actor.name(), action, TARGET, version.label(), all));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

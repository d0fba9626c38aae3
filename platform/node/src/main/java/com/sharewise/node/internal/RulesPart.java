package com.sharewise.node.internal;

import com.sharewise.audit.AuditTrail;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.RuleSetService;
import com.sharewise.rules.Rules;
import com.sharewise.rules.RulesSettings;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.packs.DefaultPacks;
import com.sharewise.rules.rest.RuleSetResource;
import com.sharewise.server.health.HealthCheck;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Wires the rules area: imports the default packs on a fresh database, compiles the active rule
 * sets (in the background while HTTP starts, so start-up does not wait for the two one after the
 * other; health says STARTING and orders fail closed until they run, and {@link Rules#awaitReady}
 * lets an area wait), follows activations from other nodes, and publishes {@link Rules}, {@link
 * RiskGate}, {@link SignalGate} and {@link RuleSetService} for the order and strategy areas.
 */
public final class RulesPart implements NodePart {

  public static final Setting MAX_FIRINGS =
      new Setting(
          "rules.maxFirings",
          "SHAREWISE_RULES_MAX_FIRINGS",
          "1000",
          false,
          "most rule firings in one evaluation; more rejects the order (fail closed)");
  public static final Setting TIME_BUDGET =
      new Setting(
          "rules.timeBudgetMillis",
          "SHAREWISE_RULES_TIME_BUDGET_MILLIS",
          "50",
          false,
          "longest time in the rules for one evaluation, in ms; more rejects the order");
  public static final Setting SESSION_POOL =
      new Setting(
          "rules.sessionPool",
          "SHAREWISE_RULES_SESSION_POOL",
          "8",
          false,
          "rule sessions kept ready per rule set (about the number of order threads)");
  public static final Setting DECISION_QUEUE =
      new Setting(
          "rules.decisionQueue",
          "SHAREWISE_RULES_DECISION_QUEUE",
          "100000",
          false,
          "decisions waiting to be written before explanations are dropped");
  public static final Setting HOLIDAYS =
      new Setting(
          "rules.holidays",
          "SHAREWISE_RULES_HOLIDAYS",
          "",
          false,
          "exchange holidays, comma-separated YYYY-MM-DD (MarketClock.holiday in rules)");

  public static final List<Setting> SETTINGS =
      List.of(MAX_FIRINGS, TIME_BUDGET, SESSION_POOL, DECISION_QUEUE, HOLIDAYS);

  private final Rules rules;

  private RulesPart(Rules rules) {
    this.rules = rules;
  }

  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    RulesSettings rulesSettings =
        new RulesSettings(
            settings.integer(MAX_FIRINGS, 1, 1_000_000),
            Duration.ofMillis(settings.integer(TIME_BUDGET, 1, 60_000)),
            settings.integer(SESSION_POOL, 1, 1024),
            settings.integer(DECISION_QUEUE, 100, 10_000_000),
            holidays(settings),
            true);
    Rules rules =
        Rules.start(
            context.store().dsl(),
            context.require(AuditTrail.class),
            context.grid().hazelcast(),
            context.plugins(),
            context.clock(),
            rulesSettings,
            DefaultPacks.all().stream()
                .map(
                    p ->
                        new Rules.DefaultPack(RuleKind.parse(p.kind()), p.drl(), p.scenariosJson()))
                .toList());
    context.publish(Rules.class, rules);
    context.publish(RiskGate.class, rules.riskGate());
    context.publish(SignalGate.class, rules.signalGate());
    context.publish(RuleSetService.class, rules.service());
    return new RulesPart(rules);
  }

  private static Set<Long> holidays(ResolvedSettings settings) {
    Set<Long> days = new HashSet<>();
    for (String text : settings.list(HOLIDAYS)) {
      try {
        days.add(LocalDate.parse(text).toEpochDay());
      } catch (DateTimeParseException e) {
        throw settings.problem(HOLIDAYS, "must list dates as YYYY-MM-DD, got '" + text + "'");
      }
    }
    return days;
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public List<Object> apiComponents() {
    return List.of(new RuleSetResource(rules));
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        HealthCheck.of(
            "rules",
            () -> {
              Map<String, Integer> running = rules.runningVersions();
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("running", running);
              data.put("decisions", rules.decisionLog());
              if (!rules.isReady()) {
                // a few seconds after start-up: not a failure, but orders cannot pass until then
                return HealthCheck.Result.starting(
                    "compiling the active rule sets; until they run, orders are rejected"
                        + " (no-active-rule-set)",
                    data);
              }
              boolean up = running.size() == RuleKind.values().length;
              return new HealthCheck.Result(
                  up,
                  up
                      ? "rule sets running: " + running
                      : "missing rule sets (their orders are rejected): running " + running,
                  data);
            }));
  }

  @Override
  public CompletableFuture<Void> ready() {
    return rules.whenReady();
  }

  @Override
  public void close() {
    rules.close();
  }
}

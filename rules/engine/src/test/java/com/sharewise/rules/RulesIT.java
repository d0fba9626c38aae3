package com.sharewise.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.audit.AuditEntry;
import com.sharewise.audit.AuditQuery;
import com.sharewise.audit.AuditTrail;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.RestrictedInstrument;
import com.sharewise.rules.model.Side;
import com.sharewise.server.Roles;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules area on a real PostgreSQL: default import, versions, four-eyes approval, activation,
 * rollback, audit, scenarios, explanations, shadow runs and limits as data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesIT {

  static final Actor ASHA = new Actor("asha", Set.of(Roles.RISK_OFFICER));
  static final Actor RAVI = new Actor("ravi", Set.of(Roles.RISK_OFFICER));
  static final Actor TARA = new Actor("tara", Set.of(Roles.TRADER));

  private Store store;
  private AuditTrail audit;
  private Rules rules;
  private RuleSetService service;

  @BeforeAll
  void start(@TempDir Path data) {
    store = Store.open(StoreConfig.embedded(data));
    audit = new AuditTrail(store.dsl(), Clock.systemUTC());
    rules =
        Rules.start(
            store.dsl(),
            audit,
            null,
            null,
            Clock.systemUTC(),
            RulesSettings.defaults(),
            TestPacks.all());
    service = rules.service();
  }

  @AfterAll
  void stop() {
    rules.close();
    store.close();
  }

  static OrderIntent order(String id, long quantity) {
    return new OrderIntent(
        id,
        "acc-1",
        "NSE:INFY",
        Side.BUY,
        quantity,
        PriceType.LIMIT,
        1500,
        0,
        ProductType.CNC,
        "",
        1500);
  }

  /** Creates, submits (asha) and approves (ravi) a risk version; returns its number. */
  private int approvedRiskVersion(String drl) {
    int number = service.createVersion(RuleKind.RISK, drl, "test", ASHA).version();
    service.submit(RuleKind.RISK, number, ASHA);
    service.approve(RuleKind.RISK, number, "ok", RAVI);
    return number;
  }

  @Test
  void theDefaultPacksAreImportedAsVersionOneApprovedAndActiveBySystem() {
    RuleSetVersion v1 = service.version(RuleKind.WORKFLOW, 1);

    assertThat(v1.status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(v1.author()).isEqualTo("system");
    assertThat(v1.reviewedBy()).isEqualTo("system");
    assertThat(v1.contentHash()).hasSize(64);
    assertThat(rules.runningVersions()).containsKeys("risk", "workflow", "signal");
    assertThat(service.scenarioList(RuleKind.RISK))
        .extracting(Scenario::name)
        .contains("a big order is rejected");
  }

  @Test
  void aVersionGoesLiveOnlyAfterADifferentRiskOfficerApprovedItAndEveryStepIsAudited() {
    int number =
        service.createVersion(RuleKind.RISK, TestPacks.RISK_STRICTER, "cap", ASHA).version();
    assertThat(service.version(RuleKind.RISK, number).status()).isEqualTo(VersionStatus.DRAFT);

    assertThatThrownBy(() -> service.activate(RuleKind.RISK, number, ASHA))
        .isInstanceOfSatisfying(
            RuleSetException.class,
            e -> assertThat(e.reason()).isEqualTo(RuleSetException.Reason.CONFLICT))
        .hasMessageContaining("approved by a second risk officer");
    service.submit(RuleKind.RISK, number, ASHA);
    assertThatThrownBy(() -> service.approve(RuleKind.RISK, number, "self", ASHA))
        .isInstanceOfSatisfying(
            RuleSetException.class,
            e -> assertThat(e.reason()).isEqualTo(RuleSetException.Reason.FORBIDDEN))
        .hasMessageContaining("four eyes");
    assertThatThrownBy(() -> service.approve(RuleKind.RISK, number, "trader", TARA))
        .hasMessageContaining("not a risk officer");
    service.approve(RuleKind.RISK, number, "looks right", RAVI);
    RuleSetVersion live = service.activate(RuleKind.RISK, number, RAVI);

    assertThat(live.status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(rules.runningVersions()).containsEntry("risk", number);
    Verdict verdict = rules.riskGate().evaluate(order("o-cap", 200), RiskContext.empty());
    assertThat(verdict.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(verdict.ruleName()).isEqualTo("at most 100 shares");
    assertThat(verdict.versions()).containsEntry("risk", number);
    assertThat(
            audit.find(AuditQuery.forTarget("ruleset", "risk v" + number, 10)).stream()
                .map(AuditEntry::record)
                .map(r -> r.actor() + " " + r.action()))
        .containsExactly(
            "ravi RULESET_ACTIVATED",
            "ravi RULESET_APPROVED",
            "asha RULESET_SUBMITTED",
            "asha RULESET_VERSION_CREATED");

    // one call rolls back to the version that ran before
    int previous =
        Integer.parseInt(
            audit
                .find(AuditQuery.forTarget("ruleset", "risk v" + number, 1))
                .get(0)
                .record()
                .detail()
                .get("previous"));
    RuleSetVersion back = service.rollback(RuleKind.RISK, previous, RAVI);

    assertThat(back.status()).isEqualTo(VersionStatus.ACTIVE);
    assertThat(service.version(RuleKind.RISK, number).status()).isEqualTo(VersionStatus.RETIRED);
    assertThat(rules.riskGate().evaluate(order("o-back", 200), RiskContext.empty()).outcome())
        .isEqualTo(Outcome.APPROVE);
    assertThat(audit.find(AuditQuery.forTarget("ruleset", "risk v" + previous, 1)))
        .first()
        .satisfies(e -> assertThat(e.record().action()).isEqualTo("RULESET_ROLLED_BACK"));
  }

  @Test
  void aVersionFailingAScenarioStaysADraftAndNamesTheScenario() {
    RuleSetVersion lax = service.createVersion(RuleKind.RISK, TestPacks.RISK_LAX, "oops", ASHA);

    assertThat(lax.status()).isEqualTo(VersionStatus.DRAFT);
    assertThat(lax.scenariosPassed()).isFalse();
    assertThat(lax.scenarioResults())
        .filteredOn(r -> !r.passed())
        .extracting(ScenarioResult::name)
        .containsExactly("a big order is rejected");
    assertThatThrownBy(() -> service.submit(RuleKind.RISK, lax.version(), ASHA))
        .isInstanceOfSatisfying(
            RuleSetException.class,
            e -> assertThat(e.reason()).isEqualTo(RuleSetException.Reason.CONFLICT))
        .hasMessageContaining("'a big order is rejected'");
  }

  @Test
  void aDraftWithAWarningIsKeptAndReadBackWithTheWarningAtItsLine() {
    String drl =
        "package x\nimport com.sharewise.rules.model.*;\nrule \"cap\"\nwhen\n"
            + "  OrderCheck( $d : decision, instrumentLimit.maxPositionQuantity > 0 )\n"
            + "then\n  $d.reject(\"cap\");\nend\n";

    RuleSetVersion draft = service.createVersion(RuleKind.RISK, drl, "unguarded", ASHA);

    RuleSetVersion read = service.version(RuleKind.RISK, draft.version());
    assertThat(read.validation())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message()).contains("instrumentLimit != null");
            });
    assertThat(service.versions(RuleKind.RISK))
        .extracting(RuleSetVersion::version)
        .contains(draft.version());
  }

  @Test
  void aSyntaxErrorIsRefusedWithItsLineAndNothingChanges() {
    int versionsBefore = service.versions(RuleKind.SIGNAL).size();
    Integer running = rules.runningVersions().get("signal");

    assertThatThrownBy(
            () ->
                service.createVersion(
                    RuleKind.SIGNAL,
                    "package x\nimport com.sharewise.rules.model.*;\nrule \"r\"\nwhen\n  SignalFact( price > )\nthen\nend\n",
                    "",
                    ASHA))
        .isInstanceOfSatisfying(
            RuleSetException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RuleSetException.Reason.INVALID_DRL);
              assertThat(e.problems()).first().satisfies(p -> assertThat(p.line()).isEqualTo(5));
            });
    assertThat(service.versions(RuleKind.SIGNAL)).hasSize(versionsBefore);
    assertThat(rules.runningVersions().get("signal")).isEqualTo(running);
  }

  @Test
  void theDiffOfTwoVersionsShowsTheAddedRule() {
    int a = service.createVersion(RuleKind.WORKFLOW, TestPacks.WORKFLOW, "", ASHA).version();
    int b =
        service
            .createVersion(
                RuleKind.WORKFLOW,
                TestPacks.WORKFLOW.replace("$d.hold(\"big\");", "$d.hold(\"very big\");"),
                "",
                ASHA)
            .version();

    String diff = service.diff(RuleKind.WORKFLOW, a, b);

    assertThat(diff)
        .contains("--- workflow v" + a)
        .contains("+++ workflow v" + b)
        .contains("-    $d.hold(\"big\");")
        .contains("+    $d.hold(\"very big\");");
  }

  @Test
  void everyDecisionIsExplainedWithVersionsRulesAndFacts() {
    Verdict verdict = rules.riskGate().evaluate(order("o-explain", 1000), RiskContext.empty());
    rules.flush();

    Explanation explanation = rules.riskGate().explain(verdict.decisionId()).orElseThrow();

    assertThat(explanation.outcome()).isEqualTo(verdict.outcome().name());
    assertThat(explanation.subject()).isEqualTo("o-explain");
    assertThat(explanation.versions()).containsKeys("risk");
    assertThat(explanation.firedRules()).isEqualTo(verdict.firedRules());
    assertThat(explanation.facts().toString()).contains("\"quantity\":1000").contains("NSE:INFY");
  }

  @Test
  void limitsAreDataAndRestrictedInstrumentsTakeEffectAtOnce() {
    service.restrict(new RestrictedInstrument("NSE:YESBANK", "surveillance"), ASHA);
    OrderIntent yes =
        new OrderIntent(
            "o-y",
            "acc-9",
            "NSE:YESBANK",
            Side.BUY,
            1,
            PriceType.LIMIT,
            20,
            0,
            ProductType.CNC,
            "",
            20);
    service.putLimits(Limits.DEFAULTS.forAccount("acc-small"), ASHA);
    Limits small = new Limits("acc-small", 1000, 0, 0, 0, 0, 0, 0, 0, "09:15", "15:30", 0, 0, 0, 0);
    service.putLimits(small, ASHA);

    Verdict tooBig =
        rules
            .riskGate()
            .evaluate(
                new OrderIntent(
                    "o-s",
                    "acc-small",
                    "NSE:INFY",
                    Side.BUY,
                    1,
                    PriceType.LIMIT,
                    1500,
                    0,
                    ProductType.CNC,
                    "",
                    1500),
                RiskContext.empty());

    assertThat(service.restricted())
        .extracting(RestrictedInstrument::instrument)
        .contains("NSE:YESBANK");
    assertThat(tooBig.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(tooBig.reason()).contains("exceeds 1000");
    assertThat(rules.riskGate().evaluate(yes, RiskContext.empty()).outcome()).isNotNull();
  }

  @Test
  void aReplayReportsEveryRecordedDecisionTheCandidateWouldTakeDifferently() {
    Instant from = Instant.now().minusSeconds(1);
    rules.riskGate().evaluate(order("r-small", 10), RiskContext.empty());
    rules.riskGate().evaluate(order("r-large", 500), RiskContext.empty());
    rules.flush();
    int candidate = approvedRiskVersion(TestPacks.RISK_STRICTER);

    ShadowReport report =
        service.replay(RuleKind.RISK, candidate, from, Instant.now().plusSeconds(1), 1000, ASHA);

    assertThat(report.mode()).isEqualTo("REPLAY");
    assertThat(report.evaluated()).isGreaterThanOrEqualTo(2);
    assertThat(report.differences())
        .extracting(ShadowReport.Difference::subject)
        .contains("r-large")
        .doesNotContain("r-small");
    assertThat(report.differences())
        .filteredOn(d -> d.subject().equals("r-large"))
        .first()
        .satisfies(
            d -> {
              assertThat(d.activeOutcome()).isEqualTo("APPROVE");
              assertThat(d.candidateOutcome()).isEqualTo("REJECT");
              assertThat(d.candidateRule()).isEqualTo("at most 100 shares");
            });
  }

  @Test
  void aLiveShadowRunRecordsDifferingDecisionsWithoutChangingThem() {
    int candidate = approvedRiskVersion(TestPacks.RISK_STRICTER);
    service.startShadow(RuleKind.RISK, candidate, ASHA);

    Verdict live = rules.riskGate().evaluate(order("live-large", 500), RiskContext.empty());
    rules.riskGate().evaluate(order("live-small", 5), RiskContext.empty());
    rules.flush();
    ShadowReport report = service.stopShadow(RuleKind.RISK, ASHA);

    assertThat(live.outcome()).isNotEqualTo(Outcome.REJECT);
    assertThat(report.evaluated()).isEqualTo(2);
    assertThat(report.differing()).isEqualTo(1);
    assertThat(report.differences())
        .singleElement()
        .satisfies(d -> assertThat(d.decisionId()).isEqualTo(live.decisionId()));
  }

  @Test
  void aSignalBecomesAnOrderIntent() {
    SignalVerdict verdict =
        rules
            .signalGate()
            .evaluate(
                new com.sharewise.rules.model.SignalFact(
                    "sma-1",
                    "acc-1",
                    "NSE:INFY",
                    "5m",
                    com.sharewise.rules.model.SignalAction.ENTER_LONG,
                    1500,
                    "cross",
                    java.util.Map.of()),
                SignalContext.empty());

    assertThat(verdict.intent()).hasValueSatisfying(i -> assertThat(i.quantity()).isEqualTo(1));
    assertThat(verdict.firedRules()).containsExactly("one share");
    assertThat(List.copyOf(verdict.versions().keySet())).containsExactly("signal");
  }
}

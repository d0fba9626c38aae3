package com.sharewise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailIT {

  @TempDir static Path data;
  private static Store store;
  private AuditTrail trail;

  @BeforeAll
  static void open() {
    store = Store.open(StoreConfig.embedded(data));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @BeforeEach
  void emptyLog() {
    // Tests start from an empty chain: the triggers refuse TRUNCATE, so lift them for the reset.
    store.dsl().execute("alter table audit_log disable trigger user");
    store.dsl().execute("truncate audit_log");
    store.dsl().execute("alter table audit_log enable trigger user");
    trail =
        new AuditTrail(
            store.dsl(),
            Clock.fixed(Instant.parse("2025-01-06T04:00:00.123456789Z"), ZoneOffset.UTC));
  }

  @Test
  void entriesAreNumberedChainedAndFoundNewestFirst() {
    AuditEntry first =
        trail.append(
            new AuditRecord(
                "asha", "RULESET_SUBMITTED", "ruleset", "risk", Map.of("version", "3")));
    AuditEntry second =
        trail.append(
            new AuditRecord("ravi", "RULESET_APPROVED", "ruleset", "risk", Map.of("version", "3")));
    trail.append(new AuditRecord("admin", "PLUGIN_INSTALLED", "plugin", "com.example", Map.of()));

    assertThat(first.seq()).isEqualTo(1);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.hash()).isNotEqualTo(first.hash()).hasSize(64);
    List<AuditEntry> aboutRisk = trail.find(AuditQuery.forTarget("ruleset", "risk", 10));
    assertThat(aboutRisk)
        .extracting(e -> e.record().action())
        .containsExactly("RULESET_APPROVED", "RULESET_SUBMITTED");
    assertThat(aboutRisk.get(0).record().detail()).containsEntry("version", "3");
    assertThat(aboutRisk.get(0).occurredAt())
        .isEqualTo(Instant.parse("2025-01-06T04:00:00.123456Z"));
    assertThat(trail.find(new AuditQuery("admin", null, null, null, null, null, null, 10)))
        .hasSize(1);
    assertThat(trail.verify())
        .isEqualTo(new Verification(true, 3, null, "3 entries, chain intact"));
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteEntries() {
    trail.append(new AuditRecord("asha", "LOGIN", "user", "asha", Map.of()));

    assertThatThrownBy(() -> store.dsl().execute("update audit_log set actor = 'mallory'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> store.dsl().execute("delete from audit_log"))
        .hasMessageContaining("append-only");
  }

  @Test
  void tamperingIsFoundAtTheFirstAlteredEntry() {
    for (int i = 0; i < 5; i++) {
      trail.append(new AuditRecord("asha", "ORDER_PLACED", "order", "o-" + i, Map.of("qty", "10")));
    }
    // Someone with superuser rights switches the guard off and edits history.
    store.dsl().execute("alter table audit_log disable trigger user");
    store.dsl().execute("update audit_log set detail = '{\"qty\":\"1000\"}' where seq = 3");
    store.dsl().execute("alter table audit_log enable trigger user");

    Verification verification = trail.verify();

    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(3);
    assertThat(verification.detail()).contains("entry 3");
  }

  @Test
  void concurrentAppendsFormOneGaplessChain() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    trail.append(new AuditRecord("t" + thread, "TEST", "thing", "x" + i, Map.of()));
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }

    assertThat(trail.verify())
        .isEqualTo(new Verification(true, 100, null, "100 entries, chain intact"));
  }
}

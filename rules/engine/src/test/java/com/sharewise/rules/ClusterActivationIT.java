package com.sharewise.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.audit.AuditTrail;
import com.sharewise.grid.Grid;
import com.sharewise.grid.GridConfig;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.Outcome;
import com.sharewise.server.Roles;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes, one database, one cluster: an activation on one node goes live on the other. */
class ClusterActivationIT {

  @Test
  void aVersionActivatedOnOneNodeRunsOnTheOtherAndLimitsFollow(@TempDir Path data)
      throws Exception {
    int portA = freePort();
    int portB = freePort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    try (Store store = Store.open(StoreConfig.embedded(data));
        Grid gridA = Grid.start(new GridConfig("rules-it", "127.0.0.1", portA, members));
        Grid gridB = Grid.start(new GridConfig("rules-it", "127.0.0.1", portB, members))) {
      AuditTrail audit = new AuditTrail(store.dsl(), Clock.systemUTC());
      try (Rules a = start(store, audit, gridA);
          Rules b = start(store, audit, gridB)) {
        RuleSetService service = a.service();
        Actor asha = new Actor("asha", Set.of(Roles.RISK_OFFICER));
        Actor ravi = new Actor("ravi", Set.of(Roles.RISK_OFFICER));
        int v = service.createVersion(RuleKind.RISK, TestPacks.RISK_STRICTER, "", asha).version();
        service.submit(RuleKind.RISK, v, asha);
        service.approve(RuleKind.RISK, v, "", ravi);

        service.activate(RuleKind.RISK, v, ravi);

        await(() -> Integer.valueOf(v).equals(b.runningVersions().get("risk")));
        assertThat(b.riskGate().evaluate(RulesIT.order("on-b", 500), RiskContext.empty()).outcome())
            .isEqualTo(Outcome.REJECT);

        service.putLimits(
            new Limits("acc-1", 10, 0, 0, 0, 0, 0, 0, 0, "09:15", "15:30", 0, 0, 0, 0), asha);
        await(() -> b.service().limits("acc-1").maxOrderValue() == 10);
      }
    }
  }

  private static Rules start(Store store, AuditTrail audit, Grid grid) {
    return Rules.start(
        store.dsl(),
        audit,
        grid.hazelcast(),
        null,
        Clock.systemUTC(),
        RulesSettings.defaults(),
        TestPacks.all());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for the other node");
      }
      Thread.sleep(20);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

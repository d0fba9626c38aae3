package com.sharewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

/** The log's own logic, against jOOQ's mock JDBC; the real database is covered by StoreIT. */
class PluginEventLogTest {
  private final List<Object[]> bindings = new ArrayList<>();
  private final PluginEventLog log =
      new PluginEventLog(
          DSL.using(
              new MockConnection(
                  ctx -> {
                    bindings.add(ctx.bindings());
                    return new MockResult[] {new MockResult(1)};
                  }),
              SQLDialect.POSTGRES),
          Clock.fixed(Instant.parse("2025-03-01T09:15:00.123456789Z"), ZoneOffset.UTC));

  @Test
  void stampsEventsWithTheInjectedClockToTheMicrosecond() {
    PluginEvent event = log.record("paper-broker", "1.2.0", PluginEvent.Action.INSTALLED, "ok");

    Instant expected = Instant.parse("2025-03-01T09:15:00.123456Z");
    assertThat(event.occurredAt()).isEqualTo(expected);
    assertThat(bindings).hasSize(1);
    // jOOQ binds timestamptz values for PostgreSQL as ISO-like text.
    assertThat(bindings.get(0))
        .containsExactly(
            "paper-broker", "1.2.0", "INSTALLED", "ok", "2025-03-01 09:15:00.123456+00:00");
  }

  @Test
  void limitIsBounded() {
    assertThatThrownBy(() -> log.recent("x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.recent("x", PluginEventLog.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsNeedAPluginIdActionAndTime() {
    Instant now = Instant.EPOCH;
    assertThatThrownBy(() -> new PluginEvent(" ", null, PluginEvent.Action.FAILED, null, now))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PluginEvent("p", null, null, null, now))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PluginEvent("p", null, PluginEvent.Action.FAILED, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}

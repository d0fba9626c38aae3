package com.sharewise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  private static final Instant AT = Instant.parse("2025-01-06T04:00:00Z");

  @Test
  void detailIsCanonicalWhateverTheMapOrder() {
    Map<String, String> a = new TreeMap<>(Map.of("b", "2", "a", "1"));
    Map<String, String> b = new java.util.LinkedHashMap<>();
    b.put("b", "2");
    b.put("a", "1");
    assertThat(AuditTrail.canonicalDetail(a))
        .isEqualTo(AuditTrail.canonicalDetail(b))
        .isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
  }

  @Test
  void everyFieldAndThePreviousHashChangeTheHash() {
    AuditRecord record = new AuditRecord("asha", "LOGIN", "user", "asha", Map.of());
    String base = AuditTrail.hash(AuditTrail.GENESIS, 1, AT, record, "{}");

    assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, record, "{}")).isEqualTo(base);
    assertThat(AuditTrail.hash("1".repeat(64), 1, AT, record, "{}")).isNotEqualTo(base);
    assertThat(AuditTrail.hash(AuditTrail.GENESIS, 2, AT, record, "{}")).isNotEqualTo(base);
    assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT.plusMillis(1), record, "{}"))
        .isNotEqualTo(base);
    assertThat(
            AuditTrail.hash(
                AuditTrail.GENESIS,
                1,
                AT,
                new AuditRecord("ravi", "LOGIN", "user", "asha", Map.of()),
                "{}"))
        .isNotEqualTo(base);
    assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, record, "{\"a\":\"1\"}"))
        .isNotEqualTo(base);
  }
}

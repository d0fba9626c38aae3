package com.sharewise.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderQueryTest {

  private static final Instant NINE = Instant.parse("2026-11-20T03:45:00Z");
  private static final Instant TEN = Instant.parse("2026-11-20T04:45:00Z");

  @Test
  void aRangeThatEndsBeforeItStartsIsRefusedNamingBothEnds() {
    assertThatThrownBy(() -> new OrderQuery(Set.of(1L), null, null, null, null, TEN, NINE, 10))
        .isInstanceOf(OrderException.class)
        .satisfies(
            e -> assertThat(((OrderException) e).reason()).isEqualTo(OrderException.Reason.INVALID))
        .hasMessage("to (2026-11-20T03:45:00Z) must be after from (2026-11-20T04:45:00Z)");
    assertThatThrownBy(() -> new OrderQuery(Set.of(1L), null, null, null, null, TEN, TEN, 10))
        .isInstanceOf(OrderException.class);
  }

  @Test
  void openEndedAndOrderedRangesAreTaken() {
    assertThat(new OrderQuery(Set.of(1L), null, null, null, null, NINE, TEN, 10).to())
        .isEqualTo(TEN);
    assertThat(new OrderQuery(Set.of(1L), null, null, null, null, NINE, null, 10).from())
        .isEqualTo(NINE);
  }
}

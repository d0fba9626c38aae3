package com.sharewise.api.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarArraysTest {

  @Test
  void copiesBarsIntoParallelArraysOldestFirst() {
    InstrumentId infy = InstrumentId.parse("NSE:INFY");
    Instant first = Instant.parse("2025-01-06T03:45:00Z");
    List<Bar> bars =
        List.of(
            new Bar(infy, Timeframe.M1, first, 100, 102, 99, 101, 1500),
            new Bar(infy, Timeframe.M1, first.plusSeconds(60), 101, 101.5, 100.5, 100.75, 900));

    BarArrays arrays = BarArrays.of(bars);

    assertThat(arrays.size()).isEqualTo(2);
    assertThat(arrays.time()).containsExactly(first.toEpochMilli(), first.toEpochMilli() + 60_000);
    assertThat(arrays.open()).containsExactly(100, 101);
    assertThat(arrays.high()).containsExactly(102, 101.5);
    assertThat(arrays.low()).containsExactly(99, 100.5);
    assertThat(arrays.close()).containsExactly(101, 100.75);
    assertThat(arrays.volume()).containsExactly(1500, 900);
  }

  @Test
  void refusesArraysOfDifferentLengths() {
    assertThatThrownBy(
            () ->
                new BarArrays(
                    new long[2],
                    new double[2],
                    new double[2],
                    new double[2],
                    new double[1],
                    new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close 1");
  }
}

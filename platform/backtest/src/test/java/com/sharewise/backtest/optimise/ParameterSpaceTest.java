package com.sharewise.backtest.optimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.backtest.BacktestException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

  private static Map<String, ParameterRange> ranges() {
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    ranges.put("fast", ParameterRange.stepped("5", "15", "5"));
    ranges.put("slow", ParameterRange.of("30", "50"));
    return ranges;
  }

  @Test
  void theGridIsEveryCombinationWithTheFixedValues() {
    List<Map<String, String>> grid = new ParameterSpace(ranges(), Map.of("mode", "long")).grid();

    assertThat(grid)
        .containsExactly(
            Map.of("mode", "long", "fast", "5", "slow", "30"),
            Map.of("mode", "long", "fast", "5", "slow", "50"),
            Map.of("mode", "long", "fast", "10", "slow", "30"),
            Map.of("mode", "long", "fast", "10", "slow", "50"),
            Map.of("mode", "long", "fast", "15", "slow", "30"),
            Map.of("mode", "long", "fast", "15", "slow", "50"));
  }

  @Test
  void randomSearchDrawsDistinctCombinationsTheSameWayForTheSameSeed() {
    ParameterSpace space = new ParameterSpace(ranges(), Map.of());

    List<Map<String, String>> first = space.random(4, 42);

    assertThat(first).hasSize(4).doesNotHaveDuplicates();
    assertThat(space.grid()).containsAll(first);
    assertThat(space.random(4, 42)).isEqualTo(first);
    assertThat(space.random(100, 42)).hasSize(6);
  }

  @Test
  void decimalStepsStayExact() {
    assertThat(ParameterRange.stepped("0.1", "0.3", "0.1").expand("k"))
        .containsExactly("0.1", "0.2", "0.3");
  }

  @Test
  void aMalformedRangeIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> ParameterRange.stepped("10", "5", "1").expand("fast"))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("ranges.fast"));
    assertThatThrownBy(() -> ParameterRange.stepped("1", "5", "0").expand("fast"))
        .hasMessageContaining("step must be positive");
  }

  @Test
  void aGridTooLargeAsksForRandomSearch() {
    Map<String, ParameterRange> huge = new LinkedHashMap<>();
    huge.put("a", ParameterRange.stepped("1", "1000", "1"));
    huge.put("b", ParameterRange.stepped("1", "1000", "1"));

    assertThatThrownBy(() -> new ParameterSpace(huge, Map.of()).grid())
        .isInstanceOf(BacktestException.Invalid.class)
        .hasMessageContaining("use random search");
  }

  @Test
  void walkForwardWindowsRollByTheOutOfSampleLength() {
    Instant from = Instant.parse("2025-01-01T00:00:00Z");

    List<Window> windows =
        Window.rolling(
            from, from.plus(Duration.ofDays(100)), Duration.ofDays(60), Duration.ofDays(20));

    assertThat(windows)
        .containsExactly(
            new Window(0, from, from.plus(Duration.ofDays(60)), from.plus(Duration.ofDays(80))),
            new Window(
                1,
                from.plus(Duration.ofDays(20)),
                from.plus(Duration.ofDays(80)),
                from.plus(Duration.ofDays(100))));
    assertThatThrownBy(
            () ->
                Window.rolling(
                    from, from.plus(Duration.ofDays(50)), Duration.ofDays(60), Duration.ofDays(20)))
        .hasMessageContaining("shorter than one in-sample plus one out-of-sample window");
  }
}

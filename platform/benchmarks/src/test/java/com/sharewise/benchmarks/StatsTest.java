package com.sharewise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void nearestRankPercentilesInMilliseconds() {
    List<Long> hundredSamples =
        LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList();

    Stats stats = Stats.ofNanos(hundredSamples);

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.medianMs()).isEqualTo(50.0);
    assertThat(stats.p90Ms()).isEqualTo(90.0);
    assertThat(stats.p99Ms()).isEqualTo(99.0);
    assertThat(stats.maxMs()).isEqualTo(100.0);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    Stats stats = Stats.ofNanos(List.of(2_500_000L));
    assertThat(stats.medianMs()).isEqualTo(2.5);
    assertThat(stats.p99Ms()).isEqualTo(2.5);
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Stats.ofNanos(List.of())).hasMessage("no samples");
  }
}

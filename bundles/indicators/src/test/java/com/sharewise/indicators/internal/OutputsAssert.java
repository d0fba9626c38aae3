package com.sharewise.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.param.Parameters;
import java.util.List;
import java.util.Map;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Checks every output of a provider, on both paths, against expected values. */
final class OutputsAssert {

  private OutputsAssert() {}

  /**
   * Asserts that the ta4j path and the batch path of {@code provider} give {@code expected} (one
   * array per output, in the descriptor's order).
   */
  static void assertOutputs(
      IndicatorProvider provider,
      Ohlcv bars,
      Map<String, String> given,
      double[][] expected,
      double tolerance) {
    Parameters parameters = Parameters.resolve(provider.descriptor().parameters(), given);
    List<String> outputs = provider.descriptor().outputs();
    Map<String, Indicator<Num>> ta4j = provider.create(bars.series(), parameters);
    assertThat(ta4j).containsOnlyKeys(outputs);
    assertThat(ta4j.keySet()).containsExactlyElementsOf(outputs);
    double[][] batch = ((BatchIndicator) provider).compute(bars.arrays(), parameters);
    assertThat(batch.length).isEqualTo(outputs.size());
    for (int o = 0; o < outputs.size(); o++) {
      IndicatorAssert.assertValues(ta4j.get(outputs.get(o)), expected[o], tolerance);
      for (int i = 0; i < expected[o].length; i++) {
        if (Double.isNaN(expected[o][i])) {
          assertThat(batch[o][i]).as("batch %s bar %d", outputs.get(o), i).isNaN();
        } else {
          assertThat(batch[o][i])
              .as("batch %s bar %d", outputs.get(o), i)
              .isCloseTo(expected[o][i], org.assertj.core.api.Assertions.within(tolerance));
        }
      }
    }
  }
}

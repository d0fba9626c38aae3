package com.sharewise.backtest.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.backtest.metrics.EquityCurve;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyEquityTest {

  /** 15:30 IST on consecutive days. */
  private static long close(int day) {
    return Instant.parse("2025-01-06T10:00:00Z").plusSeconds(86_400L * day).toEpochMilli();
  }

  @Test
  void keepsTheLastPointOfEachIstDay() {
    EquityCurve curve =
        EquityCurve.builder()
            .append(close(0) - 60_000, 100, false)
            .append(close(0), 101, false)
            .append(close(1), 99, false)
            .build();

    DailyEquity daily = DailyEquity.of(curve);

    assertThat(daily.equity()).containsExactly(101, 99);
    assertThat(daily.days()[1] - daily.days()[0]).isEqualTo(1);
    assertThat(DailyEquity.fromPairs(daily.pairs()).equity()).containsExactly(101, 99);
  }

  @Test
  void correlatesDailyReturnsOverTheCommonDays() {
    EquityCurve.Builder a = EquityCurve.builder();
    EquityCurve.Builder b = EquityCurve.builder();
    EquityCurve.Builder c = EquityCurve.builder();
    double[] moves = {1.01, 0.98, 1.03, 0.99, 1.02};
    double ea = 100;
    double eb = 200;
    double ec = 100;
    for (int d = 0; d < moves.length; d++) {
      ea *= moves[d];
      eb *= moves[d];
      ec /= moves[d];
      a.append(close(d), ea, true);
      b.append(close(d), eb, true);
      c.append(close(d), ec, true);
    }
    b.append(close(9), eb, true); // a day the others do not have: left out
    Map<String, DailyEquity> series = new LinkedHashMap<>();
    series.put("a", DailyEquity.of(a.build()));
    series.put("b", DailyEquity.of(b.build()));
    series.put("c", DailyEquity.of(c.build()));

    double[][] matrix = DailyEquity.correlations(series);

    assertThat(matrix[0][1]).isCloseTo(1.0, within(1e-12));
    assertThat(matrix[0][2]).isLessThan(-0.99);
    assertThat(matrix[2][2]).isEqualTo(1.0);
  }
}

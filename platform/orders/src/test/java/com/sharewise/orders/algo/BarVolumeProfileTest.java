package com.sharewise.orders.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.testing.ManualClock;
import com.sharewise.marketdata.BarHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarVolumeProfileTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final InstrumentId INFY = Desk.INFY;
  private static final LocalTime START = LocalTime.of(9, 30);
  private static final Duration WINDOW = Duration.ofMinutes(20);

  /** Wednesday 8 January 2025, 09:30 IST. */
  private final ManualClock clock =
      new ManualClock(LocalDate.of(2025, 1, 8).atTime(START).atZone(IST).toInstant());

  private final List<Bar> bars = new ArrayList<>();

  private final BarHistory history =
      new BarHistory() {
        @Override
        public List<Bar> range(
            InstrumentId instrument, Timeframe timeframe, Instant from, Instant to, int limit) {
          List<Bar> found =
              bars.stream()
                  .filter(b -> b.instrument().equals(instrument) && b.timeframe() == timeframe)
                  .filter(b -> !b.openTime().isBefore(from) && b.openTime().isBefore(to))
                  .sorted(Comparator.comparing(Bar::openTime))
                  .toList();
          return found.subList(Math.max(0, found.size() - limit), found.size());
        }

        @Override
        public List<Bar> last(
            InstrumentId instrument, Timeframe timeframe, int count, Instant before) {
          throw new UnsupportedOperationException(
              "the volume profile reads ranges, not the last n");
        }
      };

  private final BarVolumeProfile profile = new BarVolumeProfile(history, clock);

  /** One 1-minute bar of {@code volume} opening at {@code time} IST on {@code day} of January. */
  private void bar(int day, String time, long volume) {
    Instant open = LocalDate.of(2025, 1, day).atTime(LocalTime.parse(time)).atZone(IST).toInstant();
    bars.add(new Bar(INFY, Timeframe.M1, open, 100, 101, 99, 100, volume));
  }

  @Test
  void averagesEachDaysShareOfVolumePerSlice() {
    bar(7, "09:30", 60);
    bar(7, "09:39", 40); // first half of 7 January: 100
    bar(7, "09:40", 300); // second half: 300 → shares 0.25 / 0.75
    bar(6, "09:35", 500);
    bar(6, "09:45", 500); // 6 January: 0.5 / 0.5
    bar(7, "09:29", 10_000); // before the window
    bar(7, "09:50", 10_000); // after it
    bar(8, "09:30", 10_000); // today

    double[] weights = profile.weights(INFY, START, WINDOW, 2, 10);

    assertThat(weights[0]).isCloseTo(0.375, within(1e-9));
    assertThat(weights[1]).isCloseTo(0.625, within(1e-9));
  }

  @Test
  void usesOnlyTheLastDaysAsked() {
    bar(7, "09:30", 100);
    bar(7, "09:40", 300);
    bar(6, "09:35", 500);
    bar(6, "09:45", 500);

    double[] weights = profile.weights(INFY, START, WINDOW, 2, 1);

    assertThat(weights).containsExactly(new double[] {0.25, 0.75}, within(1e-9));
  }

  @Test
  void skipsDaysWithoutBars() {
    bar(3, "09:30", 100); // Friday, before a weekend without bars
    bar(3, "09:40", 300);

    double[] weights = profile.weights(INFY, START, WINDOW, 2, 1);

    assertThat(weights).containsExactly(new double[] {0.25, 0.75}, within(1e-9));
  }

  @Test
  void withoutBarsEverySliceWeighsTheSame() {
    double[] weights = profile.weights(INFY, START, WINDOW, 4, 10);

    assertThat(weights).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-9));
  }
}

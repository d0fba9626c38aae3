package com.sharewise.orders.algo;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VolumeProfile} from stored 1-minute bars: for each of the last {@code days} days before
 * today that have bars in the window, the share of the window's volume that traded in each bucket;
 * then the average of those shares. Days without bars (weekends, holidays, gaps in the data) are
 * skipped, looking back at most {@code 2 × days + 10} calendar days. With no bars at all it falls
 * back to equal weights and logs it. Thread-safe; each call reads the bar store once per day looked
 * at.
 */
public final class BarVolumeProfile implements VolumeProfile {

  private static final Logger LOG = LoggerFactory.getLogger(BarVolumeProfile.class);

  private final BarHistory bars;
  private final Clock clock;

  /**
   * @param bars the stored bars
   * @param clock the platform clock (decides which day is today)
   */
  public BarVolumeProfile(BarHistory bars, Clock clock) {
    this.bars = bars;
    this.clock = clock;
  }

  @Override
  public double[] weights(
      InstrumentId instrument, LocalTime start, Duration window, int slices, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Ist.ZONE);
    long windowMillis = window.toMillis();
    int limit = (int) Math.min(Integer.MAX_VALUE, window.toMinutes() + 1);
    double[] sum = new double[slices];
    int found = 0;
    for (int back = 1; back <= 2 * days + 10 && found < days; back++) {
      Instant from = today.minusDays(back).atTime(start).atZone(Ist.ZONE).toInstant();
      List<Bar> day = bars.range(instrument, Timeframe.M1, from, from.plus(window), limit);
      double[] volume = new double[slices];
      double total = 0;
      for (Bar bar : day) {
        long offset = Duration.between(from, bar.openTime()).toMillis();
        int bucket = (int) Math.min(slices - 1, Math.max(0, offset * slices / windowMillis));
        volume[bucket] += bar.volume();
        total += bar.volume();
      }
      if (total > 0) {
        for (int i = 0; i < slices; i++) {
          sum[i] += volume[i] / total;
        }
        found++;
      }
    }
    if (found == 0) {
      LOG.atInfo()
          .addKeyValue("instrument", instrument)
          .addKeyValue("start", start)
          .addKeyValue("window", window)
          .log("no stored 1-minute bars for the VWAP volume profile; slicing equally");
      return VolumeProfile.equal(slices);
    }
    for (int i = 0; i < slices; i++) {
      sum[i] /= found;
    }
    return sum;
  }
}

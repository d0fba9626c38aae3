package com.sharewise.backtest.runs;

import com.sharewise.api.market.Ist;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.metrics.Correlations;
import com.sharewise.backtest.metrics.EquityCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A backtest's equity at the last bar of each IST trading day: the grain at which different
 * strategies' returns can be compared (their bars need not line up within a day).
 *
 * @param days epoch days (IST), increasing
 * @param equity rupees at each day's last bar
 */
public record DailyEquity(long[] days, double[] equity) {

  /** The last point of each IST day of {@code curve}. */
  public static DailyEquity of(EquityCurve curve) {
    long[] days = new long[curve.size()];
    double[] equity = new double[curve.size()];
    int count = 0;
    for (int i = 0; i < curve.size(); i++) {
      // a point is the close of a bar: one that ends on midnight belongs to the day before
      long day = Ist.epochDay(curve.timeMillis(i) - 1);
      if (count == 0 || days[count - 1] != day) {
        days[count++] = day;
      }
      equity[count - 1] = curve.equity(i);
    }
    return new DailyEquity(Arrays.copyOf(days, count), Arrays.copyOf(equity, count));
  }

  /** As stored: {@code [[day, equity], …]}. */
  public List<double[]> pairs() {
    List<double[]> pairs = new ArrayList<>(days.length);
    for (int i = 0; i < days.length; i++) {
      pairs.add(new double[] {days[i], equity[i]});
    }
    return pairs;
  }

  /** From the stored form. */
  public static DailyEquity fromPairs(List<double[]> pairs) {
    long[] days = new long[pairs.size()];
    double[] equity = new double[pairs.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = (long) pairs.get(i)[0];
      equity[i] = pairs.get(i)[1];
    }
    return new DailyEquity(days, equity);
  }

  /**
   * Pearson correlations of the daily returns of several backtests, over the days all of them have.
   *
   * @throws BacktestException.Invalid when fewer than three common days leave under two returns
   */
  public static double[][] correlations(Map<String, DailyEquity> series) {
    TreeSet<Long> common = null;
    for (DailyEquity d : series.values()) {
      TreeSet<Long> days = new TreeSet<>();
      for (long day : d.days) {
        days.add(day);
      }
      if (common == null) {
        common = days;
      } else {
        common.retainAll(days);
      }
    }
    if (common == null || common.size() < 3) {
      throw new BacktestException.Invalid(
          "ids", "the backtests share fewer than 3 trading days; nothing to correlate");
    }
    List<double[]> returns = new ArrayList<>();
    for (DailyEquity d : new LinkedHashMap<>(series).values()) {
      Map<Long, Double> byDay = new java.util.HashMap<>();
      for (int i = 0; i < d.days.length; i++) {
        byDay.put(d.days[i], d.equity[i]);
      }
      double[] r = new double[common.size() - 1];
      Double previous = null;
      int k = 0;
      for (long day : common) {
        double e = byDay.get(day);
        if (previous != null) {
          r[k++] = e / previous - 1;
        }
        previous = e;
      }
      returns.add(r);
    }
    return Correlations.matrixOfReturns(returns);
  }
}

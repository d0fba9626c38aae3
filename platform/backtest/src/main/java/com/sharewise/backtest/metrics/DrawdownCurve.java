package com.sharewise.backtest.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The drawdown at every point of an equity curve, and its deepest episode.
 *
 * <p>The drawdown at point {@code i} is {@code 1 - equity(i) / peak(i)}, where {@code peak(i)} is
 * the highest equity at or before {@code i}: a fraction from 0 (at a new high) towards 1 ({@code
 * 0.25} is 25 % below the high-water mark).
 *
 * <p>The maximum drawdown's episode starts at its <em>peak</em>, the last point at or before the
 * trough where equity stood at the high-water mark; it ends at the <em>recovery</em>, the first
 * point after the trough where equity is back at or above that peak, or at the last point of the
 * curve if it never recovered. When several points share the deepest drawdown, the first counts.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DrawdownCurve {

  private final EquityCurve equity;
  private final double[] drawdowns;
  private final int peakIndex;
  private final int troughIndex;
  private final int recoveryIndex;

  private DrawdownCurve(
      EquityCurve equity, double[] drawdowns, int peakIndex, int troughIndex, int recoveryIndex) {
    this.equity = equity;
    this.drawdowns = drawdowns;
    this.peakIndex = peakIndex;
    this.troughIndex = troughIndex;
    this.recoveryIndex = recoveryIndex;
  }

  /**
   * The drawdowns of {@code curve}.
   *
   * @throws IllegalArgumentException if the curve is empty
   */
  public static DrawdownCurve of(EquityCurve curve) {
    int n = curve.size();
    if (n == 0) {
      throw new IllegalArgumentException(
          "equity curve is empty; drawdowns need at least one point");
    }
    double[] drawdowns = new double[n];
    double peak = curve.equity(0);
    int peakAt = 0;
    double deepest = 0;
    int deepestPeakAt = 0;
    int deepestAt = 0;
    for (int i = 0; i < n; i++) {
      double e = curve.equity(i);
      if (e >= peak) {
        // ">=" so a later return to the same high starts a new episode: its duration is counted
        // from the last time the account stood at the high, not from an earlier, already
        // recovered visit.
        peak = e;
        peakAt = i;
        drawdowns[i] = 0;
      } else {
        double drawdown = 1 - e / peak;
        drawdowns[i] = drawdown;
        if (drawdown > deepest) {
          deepest = drawdown;
          deepestPeakAt = peakAt;
          deepestAt = i;
        }
      }
    }
    int recoveryAt = -1;
    if (deepest > 0) {
      double peakEquity = curve.equity(deepestPeakAt);
      for (int i = deepestAt + 1; i < n; i++) {
        if (curve.equity(i) >= peakEquity) {
          recoveryAt = i;
          break;
        }
      }
    }
    return new DrawdownCurve(curve, drawdowns, deepestPeakAt, deepestAt, recoveryAt);
  }

  /** Number of points, the same as the equity curve's. */
  public int size() {
    return drawdowns.length;
  }

  /** Drawdown at point {@code index}, a fraction in [0, 1). */
  public double drawdown(int index) {
    return drawdowns[index];
  }

  /** Time of point {@code index}. */
  public Instant time(int index) {
    return equity.time(index);
  }

  /** A copy of all drawdowns, in time order. */
  public double[] toArray() {
    return drawdowns.clone();
  }

  /** The deepest drawdown, a fraction in [0, 1); 0 if equity never fell below a previous high. */
  public double maxDrawdown() {
    return drawdowns[troughIndex];
  }

  /** Index of the high-water mark the deepest drawdown fell from (0 if there was no drawdown). */
  public int peakIndex() {
    return peakIndex;
  }

  /** Index of the deepest point (0 if there was no drawdown). */
  public int troughIndex() {
    return troughIndex;
  }

  /** Index where equity first regained the peak after the trough; empty if it never did. */
  public OptionalInt recoveryIndex() {
    return recoveryIndex < 0 ? OptionalInt.empty() : OptionalInt.of(recoveryIndex);
  }

  /** Whether equity regained the peak of the deepest drawdown; {@code true} with no drawdown. */
  public boolean recovered() {
    return maxDrawdown() == 0 || recoveryIndex >= 0;
  }

  /**
   * Calendar time of the deepest drawdown's episode: from its peak to its recovery, or to the last
   * point if it has not recovered; zero with no drawdown.
   */
  public Duration maxDrawdownDuration() {
    if (maxDrawdown() == 0) {
      return Duration.ZERO;
    }
    int end = recoveryIndex >= 0 ? recoveryIndex : drawdowns.length - 1;
    return Duration.ofMillis(equity.timeMillis(end) - equity.timeMillis(peakIndex));
  }
}

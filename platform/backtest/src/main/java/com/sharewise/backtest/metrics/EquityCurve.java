package com.sharewise.backtest.metrics;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An account's equity over time, one point per bar, as a backtest produces it: strictly increasing
 * timestamps, positive equity and whether a position was open at each point.
 *
 * <p>Immutable and safe to share between threads. Points are kept in primitive arrays because a
 * minute-bar backtest over years appends about a million of them; build one with {@link
 * #builder(int)}. A curve may be empty; the analytics say what they need.
 *
 * <p>The same type carries a benchmark's price or equity series: its {@code inMarket} flags are
 * then irrelevant.
 */
public final class EquityCurve {

  private final long[] timesMillis;
  private final double[] equities;
  private final boolean[] inMarket;
  private final int pointsInMarket;

  private EquityCurve(
      long[] timesMillis, double[] equities, boolean[] inMarket, int pointsInMarket) {
    this.timesMillis = timesMillis;
    this.equities = equities;
    this.inMarket = inMarket;
    this.pointsInMarket = pointsInMarket;
  }

  /**
   * A builder for about {@code expectedPoints} points; it grows beyond that by itself, so the
   * number is only a hint that saves copying.
   */
  public static Builder builder(int expectedPoints) {
    return new Builder(expectedPoints);
  }

  /** A builder with a small initial capacity. */
  public static Builder builder() {
    return new Builder(16);
  }

  /** The curve of {@code points}, in order. */
  public static EquityCurve of(List<EquityPoint> points) {
    Builder builder = new Builder(points.size());
    points.forEach(builder::append);
    return builder.build();
  }

  /** Number of points. */
  public int size() {
    return timesMillis.length;
  }

  /** Whether the curve has no points. */
  public boolean isEmpty() {
    return timesMillis.length == 0;
  }

  /** Time of point {@code index}, epoch milliseconds. */
  public long timeMillis(int index) {
    return timesMillis[index];
  }

  /** Time of point {@code index}. */
  public Instant time(int index) {
    return Instant.ofEpochMilli(timesMillis[index]);
  }

  /** Equity at point {@code index}, rupees. */
  public double equity(int index) {
    return equities[index];
  }

  /** Whether a position was open at point {@code index}. */
  public boolean inMarket(int index) {
    return inMarket[index];
  }

  /** Point {@code index} as a value. */
  public EquityPoint point(int index) {
    return new EquityPoint(time(index), equities[index], inMarket[index]);
  }

  /** Number of points where a position was open. */
  public int pointsInMarket() {
    return pointsInMarket;
  }

  /** A copy of the equities, in time order. */
  public double[] equities() {
    return equities.clone();
  }

  /** A copy of the times, epoch milliseconds, in order. */
  public long[] timesMillis() {
    return timesMillis.clone();
  }

  /**
   * The simple periodic returns {@code r[i-1] = equity(i) / equity(i-1) - 1} for {@code i = 1 ..
   * size()-1}: one fewer than the points, empty for fewer than two points.
   */
  public double[] returns() {
    int n = equities.length;
    if (n < 2) {
      return new double[0];
    }
    double[] returns = new double[n - 1];
    for (int i = 1; i < n; i++) {
      returns[i - 1] = equities[i] / equities[i - 1] - 1.0;
    }
    return returns;
  }

  /**
   * Checks that {@code other} has exactly this curve's timestamps, so that their returns compare
   * period by period.
   *
   * @param what how to name {@code other} in the error, e.g. "benchmark"
   * @throws IllegalArgumentException naming both sizes, or the first index whose times differ
   */
  public void requireAlignedWith(EquityCurve other, String what) {
    if (other.size() != size()) {
      throw new IllegalArgumentException(
          what
              + " has "
              + other.size()
              + " points but the equity curve has "
              + size()
              + "; they must be aligned on the same timestamps");
    }
    for (int i = 0; i < timesMillis.length; i++) {
      if (other.timesMillis[i] != timesMillis[i]) {
        throw new IllegalArgumentException(
            what
                + " is not aligned with the equity curve: point "
                + i
                + " is at "
                + other.time(i)
                + " in the "
                + what
                + " but at "
                + time(i)
                + " in the equity curve");
      }
    }
  }

  @Override
  public String toString() {
    return isEmpty()
        ? "EquityCurve[empty]"
        : "EquityCurve["
            + size()
            + " points, "
            + time(0)
            + " "
            + equities[0]
            + " .. "
            + time(size() - 1)
            + " "
            + equities[size() - 1]
            + "]";
  }

  static void requirePositiveFinite(double equity, long timeMillis) {
    // Returns divide by the previous equity: zero, negative or non-finite equity has no return.
    if (!(equity > 0) || Double.isInfinite(equity)) {
      throw new IllegalArgumentException(
          "equity must be positive and finite, got "
              + equity
              + " at "
              + Instant.ofEpochMilli(timeMillis)
              + "; a ruined backtest must stop before its equity reaches zero");
    }
  }

  /**
   * Appends points one per bar in amortised constant time. Not thread-safe: one backtest appends
   * from one thread. {@link #build()} may be called repeatedly; the builder stays usable.
   */
  public static final class Builder {

    private long[] timesMillis;
    private double[] equities;
    private boolean[] inMarket;
    private int size;
    private int pointsInMarket;

    private Builder(int expectedPoints) {
      if (expectedPoints < 0) {
        throw new IllegalArgumentException(
            "expected points must not be negative, got " + expectedPoints);
      }
      int capacity = Math.max(expectedPoints, 1);
      timesMillis = new long[capacity];
      equities = new double[capacity];
      inMarket = new boolean[capacity];
    }

    /**
     * Appends a point.
     *
     * @param timeMillis epoch milliseconds, strictly after the previous point's
     * @param equity rupees, positive and finite
     * @param positionOpen whether a position was open at this point
     * @throws IllegalArgumentException naming the offending time or value
     */
    public Builder append(long timeMillis, double equity, boolean positionOpen) {
      requirePositiveFinite(equity, timeMillis);
      if (size > 0 && timeMillis <= timesMillis[size - 1]) {
        throw new IllegalArgumentException(
            "times must increase strictly: "
                + Instant.ofEpochMilli(timeMillis)
                + " follows "
                + Instant.ofEpochMilli(timesMillis[size - 1]));
      }
      if (size == timesMillis.length) {
        int capacity = timesMillis.length * 2;
        timesMillis = Arrays.copyOf(timesMillis, capacity);
        equities = Arrays.copyOf(equities, capacity);
        inMarket = Arrays.copyOf(inMarket, capacity);
      }
      timesMillis[size] = timeMillis;
      equities[size] = equity;
      inMarket[size] = positionOpen;
      if (positionOpen) {
        pointsInMarket++;
      }
      size++;
      return this;
    }

    /**
     * Appends a point; the time is truncated to milliseconds.
     *
     * @see #append(long, double, boolean)
     */
    public Builder append(Instant time, double equity, boolean positionOpen) {
      return append(Objects.requireNonNull(time, "time").toEpochMilli(), equity, positionOpen);
    }

    /**
     * Appends a point of a series that holds no positions, such as a benchmark's prices. Its
     * exposure counts as out of the market.
     */
    public Builder append(long timeMillis, double value) {
      return append(timeMillis, value, false);
    }

    /**
     * Appends a point of a series that holds no positions; the time is truncated to milliseconds.
     *
     * @see #append(long, double)
     */
    public Builder append(Instant time, double value) {
      return append(time, value, false);
    }

    /** Appends {@code point}. */
    public Builder append(EquityPoint point) {
      return append(point.time(), point.equity(), point.inMarket());
    }

    /** Number of points appended so far. */
    public int size() {
      return size;
    }

    /** The curve of the points appended so far. */
    public EquityCurve build() {
      return new EquityCurve(
          Arrays.copyOf(timesMillis, size),
          Arrays.copyOf(equities, size),
          Arrays.copyOf(inMarket, size),
          pointsInMarket);
    }
  }
}

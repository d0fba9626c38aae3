package com.sharewise.strategy.toolkit;

/**
 * Detects crossings of two lines from their difference, one bar at a time: a crossing is a change
 * of sign against the last bar on which the lines differed. Bars on which they are equal, or either
 * is still warming up (NaN), neither cross nor forget the side the fast line was on, so a touch is
 * not a crossing and a crossing through a tie is reported once.
 */
public final class SignChange {

  /** Crossed from below to above. */
  public static final int UP = 1;

  /** Crossed from above to below. */
  public static final int DOWN = -1;

  /** No crossing. */
  public static final int NONE = 0;

  private int side;

  /** Takes the next difference (fast − slow) and returns {@link #UP}, {@link #DOWN} or none. */
  public int update(double difference) {
    if (!(difference > 0 || difference < 0)) {
      return NONE;
    }
    int now = difference > 0 ? UP : DOWN;
    int crossed = side != NONE && now != side ? now : NONE;
    side = now;
    return crossed;
  }
}

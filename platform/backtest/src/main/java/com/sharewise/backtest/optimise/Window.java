package com.sharewise.backtest.optimise;

import com.sharewise.backtest.BacktestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One walk-forward fold: parameters are chosen on the in-sample range and then tested, unchanged,
 * on the out-of-sample range that follows it.
 *
 * @param fold its number, from 0
 * @param inSampleFrom start of the in-sample range
 * @param inSampleTo end of the in-sample range and start of the out-of-sample one
 * @param outOfSampleTo end of the out-of-sample range
 */
public record Window(int fold, Instant inSampleFrom, Instant inSampleTo, Instant outOfSampleTo) {

  /** Most folds a walk-forward analysis may have. */
  public static final int MAX_FOLDS = 100;

  /**
   * Rolling windows over {@code [from, to)}: each in-sample range is {@code inSample} long, its
   * out-of-sample range the next {@code outOfSample}; the next fold starts {@code outOfSample}
   * later. Only whole folds are kept.
   *
   * @throws BacktestException.Invalid when the lengths are not positive or no fold fits
   */
  public static List<Window> rolling(
      Instant from, Instant to, Duration inSample, Duration outOfSample) {
    if (inSample == null || inSample.isNegative() || inSample.isZero()) {
      throw new BacktestException.Invalid(
          "walkForward.inSample", "inSample must be a positive duration, e.g. P60D");
    }
    if (outOfSample == null || outOfSample.isNegative() || outOfSample.isZero()) {
      throw new BacktestException.Invalid(
          "walkForward.outOfSample", "outOfSample must be a positive duration, e.g. P20D");
    }
    List<Window> windows = new ArrayList<>();
    Instant start = from;
    while (!start.plus(inSample).plus(outOfSample).isAfter(to)) {
      Instant split = start.plus(inSample);
      windows.add(new Window(windows.size(), start, split, split.plus(outOfSample)));
      if (windows.size() > MAX_FOLDS) {
        throw new BacktestException.Invalid(
            "walkForward.outOfSample", "more than " + MAX_FOLDS + " folds; use longer windows");
      }
      start = start.plus(outOfSample);
    }
    if (windows.isEmpty()) {
      throw new BacktestException.Invalid(
          "walkForward.inSample",
          "the range from "
              + from
              + " to "
              + to
              + " is shorter than one in-sample plus one out-of-sample window");
    }
    return windows;
  }
}

package com.sharewise.strategy.bollingerreversion.internal;

import com.sharewise.api.param.Parameters;
import com.sharewise.strategy.toolkit.Decimals;
import java.util.Locale;

/**
 * The validated parameter values of one instance.
 *
 * @param period bars in the middle band (SMA) and the standard deviation
 * @param k standard deviations between the middle band and the outer bands
 * @param exitAt which band closes a long
 * @param stopPercent close a long when the close is this many percent below the entry close; 0 for
 *     no stop
 */
record Settings(int period, double k, Target exitAt, double stopPercent) {

  /** The band a long is closed at. */
  enum Target {
    /** Close back at or above the middle band: the mean has been reached. */
    MIDDLE,
    /** Close above the upper band: let the reversion run to the other extreme. */
    UPPER;

    /** The parameter value, e.g. {@code middle}. */
    String choice() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static Settings of(Parameters parameters) {
    return new Settings(
        parameters.getInt(BollingerReversionStrategyFactory.PERIOD),
        parameters.getDecimal(BollingerReversionStrategyFactory.K),
        Target.valueOf(
            parameters.getText(BollingerReversionStrategyFactory.EXIT_AT).toUpperCase(Locale.ROOT)),
        parameters.getDecimal(BollingerReversionStrategyFactory.STOP_PERCENT));
  }

  /** How the bands are written on charts, e.g. {@code BB(20, 2)}. */
  String label() {
    return "BB(" + period + ", " + Decimals.format(k, 4) + ")";
  }
}

package com.sharewise.strategy.macdcross.internal;

import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;

/**
 * The validated parameter values of one instance.
 *
 * @param fast bars in the fast EMA of the close, less than {@code slow}
 * @param slow bars in the slow EMA of the close
 * @param signal bars in the EMA of the MACD line (the signal line)
 * @param onlyBelowZero enter only on crossings where the MACD line is below zero
 */
record Settings(int fast, int slow, int signal, boolean onlyBelowZero) {

  /**
   * Reads and cross-checks the values.
   *
   * @throws ParameterException naming {@code fast} unless it is below {@code slow}
   */
  static Settings of(Parameters parameters) {
    Settings settings =
        new Settings(
            parameters.getInt(MacdCrossStrategyFactory.FAST),
            parameters.getInt(MacdCrossStrategyFactory.SLOW),
            parameters.getInt(MacdCrossStrategyFactory.SIGNAL),
            parameters.getBoolean(MacdCrossStrategyFactory.ONLY_BELOW_ZERO));
    if (settings.fast >= settings.slow) {
      throw new ParameterException(
          MacdCrossStrategyFactory.FAST,
          "fast (" + settings.fast + ") must be less than slow (" + settings.slow + ")");
    }
    return settings;
  }

  /** How the indicator is written on charts, e.g. {@code MACD(12,26,9)}. */
  String label() {
    return "MACD(" + fast + "," + slow + "," + signal + ")";
  }
}

package com.sharewise.strategy.emarsitrend.internal;

import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.strategy.toolkit.Decimals;

/**
 * The validated parameter values of one instance.
 *
 * @param fastPeriod bars in the fast EMA, less than {@code slowPeriod}
 * @param slowPeriod bars in the slow EMA
 * @param rsiPeriod bars in Wilder's RSI
 * @param rsiMax an entry needs RSI strictly below this
 * @param rsiExit a long is closed when RSI rises strictly above this; at least {@code rsiMax}
 */
record Settings(int fastPeriod, int slowPeriod, int rsiPeriod, double rsiMax, double rsiExit) {

  /**
   * Reads and cross-checks the values.
   *
   * @throws ParameterException naming {@code fastPeriod} unless it is below {@code slowPeriod}, or
   *     {@code rsiExit} if it is below {@code rsiMax}
   */
  static Settings of(Parameters parameters) {
    Settings settings =
        new Settings(
            parameters.getInt(EmaRsiTrendStrategyFactory.FAST_PERIOD),
            parameters.getInt(EmaRsiTrendStrategyFactory.SLOW_PERIOD),
            parameters.getInt(EmaRsiTrendStrategyFactory.RSI_PERIOD),
            parameters.getDecimal(EmaRsiTrendStrategyFactory.RSI_MAX),
            parameters.getDecimal(EmaRsiTrendStrategyFactory.RSI_EXIT));
    if (settings.fastPeriod >= settings.slowPeriod) {
      throw new ParameterException(
          EmaRsiTrendStrategyFactory.FAST_PERIOD,
          "fastPeriod ("
              + settings.fastPeriod
              + ") must be less than slowPeriod ("
              + settings.slowPeriod
              + ")");
    }
    if (settings.rsiExit < settings.rsiMax) {
      // Otherwise an entry could be made with RSI already past the level that closes it.
      throw new ParameterException(
          EmaRsiTrendStrategyFactory.RSI_EXIT,
          "rsiExit ("
              + Decimals.format(settings.rsiExit, 4)
              + ") must not be below rsiMax ("
              + Decimals.format(settings.rsiMax, 4)
              + ")");
    }
    return settings;
  }
}
